/**
 * Ratings as primitive columns with their id maps, rating scale and movie metadata. Start with
 * {@link org.movierec.core.data.RatingDataset}; {@link org.movierec.core.data.RatingsBuilder} makes
 * one in code.
 */
package org.movierec.core.data;
