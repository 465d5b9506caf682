package org.movierec.core.model;

/**
 * One recommended movie.
 *
 * @param rawMovieId the movie's id in the ratings files
 * @param predictedRating the predicted rating, on the model's scale
 */
public record Recommendation(int rawMovieId, float predictedRating) {}
