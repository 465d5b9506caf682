package org.movierec.core.model;

/**
 * One recommended movie. Lists are ranked by {@link #score}, the recommender's ranking score;
 * {@link #predictedRating} is the model's rating estimate for the same movie, clipped to the rating
 * scale, for display. For a model that ranks by its rating estimate ({@link
 * RankingScore#RATING_ESTIMATE}) the score is that estimate before clipping, so two movies both
 * shown as 5.00 can still be told apart; a model with a ranking score of its own ({@link
 * Model#rankingScore}) puts that score here, which need not be on the rating scale at all.
 *
 * @param rawMovieId the movie's id in the ratings files
 * @param score the ranking score the list is ordered by
 * @param predictedRating the predicted rating on the model's scale, as {@link Model#predict} gives
 *     it
 */
public record Recommendation(int rawMovieId, float score, float predictedRating) {}
