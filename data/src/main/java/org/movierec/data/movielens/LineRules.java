package org.movierec.data.movielens;

import org.movierec.core.data.RatingScale;
import org.movierec.data.Layout;

/**
 * What every line of a ratings file is checked against.
 *
 * @param layout the layout, which fixes the separator and whether a header may come first
 * @param scale the scale every rating must be on
 */
record LineRules(Layout layout, RatingScale scale) {}
