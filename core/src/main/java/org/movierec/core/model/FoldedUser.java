package org.movierec.core.model;

import java.util.List;

/**
 * A user the model never trained on, fitted to a few of their ratings against the frozen model
 * ({@link Model#foldIn}): it predicts and recommends like a trained user, without retraining. Safe
 * to use from many threads at once; it holds no resources of its own, but needs its model open.
 */
public interface FoldedUser {

  /** The ratings it was fitted to, as given. */
  List<MovieRating> ratings();

  /**
   * How many of {@link #ratings()} name a movie the model knows; only those inform the fit. Zero
   * means the user is the model's average new user.
   */
  int fittedRatings();

  /**
   * The predicted rating of one movie, clipped to the model's scale.
   *
   * @throws UnknownIdException when the model does not know the movie and its policy is {@link
   *     ColdStartPolicy#ERROR}
   */
  default float predict(int rawMovieId) {
    return predict(new int[] {rawMovieId})[0];
  }

  /**
   * Predicted ratings of many movies, {@code result[i]} for {@code rawMovieIds[i]}, clipped to the
   * model's scale; a movie the model does not know gets the bias estimate under {@link
   * ColdStartPolicy#FALLBACK}.
   *
   * @throws UnknownIdException when the model does not know a movie and its policy is {@link
   *     ColdStartPolicy#ERROR}
   */
  float[] predict(int[] rawMovieIds);

  /**
   * The ranking scores of many movies for this user, {@code result[i]} for {@code rawMovieIds[i]},
   * as {@link #recommend} orders them; a movie the model does not know scores negative infinity
   * under {@link ColdStartPolicy#FALLBACK}.
   *
   * @throws UnknownIdException when the model does not know a movie and its policy is {@link
   *     ColdStartPolicy#ERROR}
   */
  float[] rankingScores(int[] rawMovieIds);

  /**
   * The movies the request admits, best first by the model's ranking score, never one of {@link
   * #ratings()}; see {@link Model#recommend(int, RecommendRequest)}.
   */
  List<Recommendation> recommend(RecommendRequest request);

  /** The best {@code count} movies this user did not rate. */
  default List<Recommendation> recommend(int count) {
    return recommend(RecommendRequest.top(count));
  }
}
