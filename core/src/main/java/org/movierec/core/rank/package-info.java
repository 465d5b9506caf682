/**
 * Ranking shared by every recommender: the one top-N selection, and the popularity baseline that a
 * trained model's lists are measured against.
 */
package org.movierec.core.rank;
