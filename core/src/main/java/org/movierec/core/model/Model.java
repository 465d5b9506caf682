package org.movierec.core.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.movierec.core.data.IdIndex;
import org.movierec.core.data.RatingScale;

/**
 * A trained recommender: predicts ratings by raw user and movie ids, clipped to its rating scale,
 * and recommends unseen movies ranked by its ranking score ({@link #rankingScore}): the unclipped
 * rating estimate, or a score of the model's own. Implementations are safe to call from many
 * threads at once. Close it to free engine resources.
 */
public interface Model extends Recommender, AutoCloseable {

  /** How the model was made: backend, engine, architecture, configuration and metrics. */
  ModelInfo info();

  /** The users the model was trained on. */
  IdIndex users();

  /** The movies the model was trained on, the catalog it recommends from. */
  @Override
  IdIndex movies();

  /** The rating scale its predictions are clipped to. */
  RatingScale scale();

  /** What it does for users or movies it never saw. */
  ColdStartPolicy coldStartPolicy();

  /**
   * The predicted rating of one pair.
   *
   * @throws UnknownIdException when an id is unknown and the policy is {@link
   *     ColdStartPolicy#ERROR}
   */
  float predict(int rawUserId, int rawMovieId);

  /**
   * Predicted ratings of many pairs, {@code result[i]} for {@code (rawUserIds[i], rawMovieIds[i])}.
   *
   * @throws UnknownIdException when an id is unknown and the policy is {@link
   *     ColdStartPolicy#ERROR}
   */
  float[] predict(int[] rawUserIds, int[] rawMovieIds);

  /**
   * What this model's lists are ordered by: {@link RankingScore#RATING_ESTIMATE} unless the model
   * ranks by a score of its own.
   */
  RankingScore rankingScore();

  /**
   * The ranking scores of many movies for one user, {@code result[i]} for {@code rawMovieIds[i]}:
   * the scores {@link #recommend} orders that user's list by, for re-ranking a candidate set. A
   * user the model does not know is scored by the bias estimate under {@link
   * ColdStartPolicy#FALLBACK}, as their list is; a movie it does not know is never listed, so it
   * scores negative infinity there.
   *
   * @throws UnknownIdException when an id is unknown and the policy is {@link
   *     ColdStartPolicy#ERROR}
   */
  float[] rankingScores(int rawUserId, int[] rawMovieIds);

  /**
   * The movies the request admits that the user did not rate in training, best first by the model's
   * ranking score ({@link #rankingScore}), exact ties to the lower raw movie id; each entry also
   * carries the clipped rating estimate. A user the model does not know gets the bias estimate's
   * ranking under {@link ColdStartPolicy#FALLBACK}.
   *
   * @throws UnknownIdException when the user is unknown and the policy is {@link
   *     ColdStartPolicy#ERROR}
   */
  @Override
  List<Recommendation> recommend(int rawUserId, RecommendRequest request);

  /** How often and how well each movie was rated in the training input. */
  MoviePopularity popularity();

  /**
   * The raw ids of the movies a user rated in training, ascending; empty for a user the model does
   * not know. These never appear in the user's recommendations.
   */
  int[] ratedMovies(int rawUserId);

  /**
   * Fits a user the model never trained on to a few of their ratings, without retraining and
   * without changing the model (fold-in): the result predicts and recommends like a trained user
   * and never recommends the movies given. Takes milliseconds; safe to call from many threads.
   * Ratings of movies the model does not know cannot inform the fit; with none it knows, the user
   * is the model's average new user.
   *
   * @throws IllegalArgumentException naming the movie when a movie is rated twice or a rating lies
   *     outside the model's scale
   */
  FoldedUser foldIn(List<MovieRating> ratings);

  /**
   * The movies most like a given one by the model's learned movie vectors (cosine similarity), best
   * first, never the movie itself, among those the request admits ("because you watched").
   *
   * @throws UnknownIdException when the model does not know the movie
   * @throws UnsupportedByModelException when the backend learns no movie vectors (the bias
   *     baseline)
   */
  List<SimilarMovie> similarMovies(int rawMovieId, RecommendRequest request);

  /**
   * The {@code count} movies most like a given one; see {@link #similarMovies(int,
   * RecommendRequest)}.
   */
  default List<SimilarMovie> similarMovies(int rawMovieId, int count) {
    return similarMovies(rawMovieId, RecommendRequest.top(count));
  }

  /** Tells whether the user was in the training data. */
  default boolean knowsUser(int rawUserId) {
    return users().contains(rawUserId);
  }

  /** Tells whether the movie was in the training data. */
  default boolean knowsMovie(int rawMovieId) {
    return movies().contains(rawMovieId);
  }

  /**
   * Writes everything needed to predict into one file, atomically: a crash leaves the previous file
   * intact.
   */
  void save(Path file) throws IOException;

  /** Frees engine resources; predictions afterwards fail. */
  @Override
  void close();
}
