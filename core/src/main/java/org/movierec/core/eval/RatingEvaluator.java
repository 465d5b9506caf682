package org.movierec.core.eval;

import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Model;

/**
 * Computes {@link RatingMetrics} of a model, or of the global-mean predictor that any useful model
 * must beat, on test ratings. Predictions are asked for in batches so that memory stays bounded.
 */
public final class RatingEvaluator {

  /** Pairs predicted per call to {@link Model#predict(int[], int[])}. */
  static final int BATCH = 8192;

  private RatingEvaluator() {}

  /**
   * Measures a model's predictions of every test rating, counting pairs with a user or movie the
   * model does not know as cold.
   *
   * @throws IllegalArgumentException when a test pair is cold and the model's cold-start policy is
   *     {@link ColdStartPolicy#ERROR}, so that it cannot be answered
   */
  public static RatingMetrics evaluate(Model model, RatingDataset test) {
    ErrorSums sums = new ErrorSums();
    int n = test.size();
    for (int start = 0; start < n; start += BATCH) {
      int length = Math.min(BATCH, n - start);
      int[] users = new int[length];
      int[] movies = new int[length];
      float[] ratings = new float[length];
      for (int i = 0; i < length; i++) {
        users[i] = test.rawUserId(start + i);
        movies[i] = test.rawMovieId(start + i);
        ratings[i] = test.rating(start + i);
      }
      accumulate(model, users, movies, ratings, sums);
    }
    return sums.toMetrics();
  }

  /**
   * Adds a model's errors on some test ratings, given as raw ids and true ratings of equal length,
   * to running sums: the step that a distributed evaluator runs on each part of a test set.
   *
   * @throws IllegalArgumentException when a pair is cold and the model's cold-start policy is
   *     {@link ColdStartPolicy#ERROR}
   */
  public static void accumulate(
      Model model, int[] rawUsers, int[] rawMovies, float[] ratings, ErrorSums sums) {
    int length = rawUsers.length;
    if (rawMovies.length != length || ratings.length != length) {
      throw new IllegalArgumentException(
          length + " users, " + rawMovies.length + " movies and " + ratings.length + " ratings");
    }
    boolean[] cold = new boolean[length];
    for (int i = 0; i < length; i++) {
      cold[i] = !model.knowsUser(rawUsers[i]) || !model.knowsMovie(rawMovies[i]);
      if (cold[i] && model.coldStartPolicy() == ColdStartPolicy.ERROR) {
        throw coldUnderError(rawUsers[i], rawMovies[i]);
      }
    }
    float[] predicted = model.predict(rawUsers, rawMovies);
    for (int i = 0; i < length; i++) {
      sums.add(predicted[i], ratings[i], cold[i]);
    }
  }

  /**
   * Measures the predictor that answers every pair with the mean training rating; a pair is cold
   * when its user or movie has no training rating.
   *
   * @throws IllegalArgumentException when the training ratings are empty
   */
  public static RatingMetrics globalMean(RatingDataset train, RatingDataset test) {
    if (train.size() == 0) {
      throw new IllegalArgumentException(
          "the global-mean predictor needs training ratings, but the training set is empty");
    }
    double mean = train.meanRating();
    boolean[] userSeen = new boolean[train.users().size()];
    boolean[] movieSeen = new boolean[train.movies().size()];
    for (int row = 0; row < train.size(); row++) {
      userSeen[train.userIndex(row)] = true;
      movieSeen[train.movieIndex(row)] = true;
    }
    ErrorSums sums = new ErrorSums();
    for (int row = 0; row < test.size(); row++) {
      boolean warm =
          seen(userSeen, train.users().indexOf(test.rawUserId(row)))
              && seen(movieSeen, train.movies().indexOf(test.rawMovieId(row)));
      sums.add(mean, test.rating(row), !warm);
    }
    return sums.toMetrics();
  }

  static IllegalArgumentException coldUnderError(int rawUser, int rawMovie) {
    return new IllegalArgumentException(
        "test pair (user "
            + rawUser
            + ", movie "
            + rawMovie
            + ") is unknown to the model and its cold_start policy is error; evaluate with"
            + " cold_start=fallback to measure cold pairs under the bias estimate");
  }

  private static boolean seen(boolean[] seen, int index) {
    return index >= 0 && seen[index];
  }
}
