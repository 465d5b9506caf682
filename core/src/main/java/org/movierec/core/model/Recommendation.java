package org.movierec.core.model;

/**
 * One recommended movie. Lists are ranked by {@link #score}, the recommender's raw score; {@link
 * #predictedRating} is that score clipped to the rating scale, for display. The two differ where a
 * model's score leaves the scale: two movies both shown as 5.00 can still be told apart.
 *
 * @param rawMovieId the movie's id in the ratings files
 * @param score the raw score the list is ranked by; for a trained model, its unclipped prediction
 * @param predictedRating the predicted rating on the model's scale, as {@link Model#predict} gives
 *     it
 */
public record Recommendation(int rawMovieId, float score, float predictedRating) {}
