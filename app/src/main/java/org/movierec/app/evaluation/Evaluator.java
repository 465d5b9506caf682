package org.movierec.app.evaluation;

import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Model;

/**
 * Scores a model on test ratings. Pairs with a user or movie the model never saw are counted apart;
 * under {@code cold_start=fallback} they are scored with the fallback and included, under {@code
 * cold_start=error} they are left out of the RMSE and MAE.
 */
public final class Evaluator {

  Evaluator() {}

  /** The model's accuracy on the test ratings. */
  public TestScores evaluate(Model model, RatingDataset test) {
    int n = test.size();
    boolean scoreCold = model.coldStartPolicy() == ColdStartPolicy.FALLBACK;
    int[] users = new int[n];
    int[] movies = new int[n];
    float[] truth = new float[n];
    boolean[] cold = new boolean[n];
    int count = 0;
    int coldPairs = 0;
    for (int row = 0; row < n; row++) {
      int user = test.rawUserId(row);
      int movie = test.rawMovieId(row);
      boolean isCold = !model.knowsUser(user) || !model.knowsMovie(movie);
      coldPairs += isCold ? 1 : 0;
      if (isCold && !scoreCold) {
        continue;
      }
      users[count] = user;
      movies[count] = movie;
      truth[count] = test.rating(row);
      cold[count] = isCold;
      count++;
    }
    float[] predicted =
        model.predict(
            java.util.Arrays.copyOf(users, count), java.util.Arrays.copyOf(movies, count));
    double squares = 0;
    double absolute = 0;
    double coldSquares = 0;
    int coldScored = 0;
    for (int i = 0; i < count; i++) {
      double error = predicted[i] - truth[i];
      squares += error * error;
      absolute += Math.abs(error);
      if (cold[i]) {
        coldSquares += error * error;
        coldScored++;
      }
    }
    return new TestScores(
        n,
        count,
        count == 0 ? Double.NaN : Math.sqrt(squares / count),
        count == 0 ? Double.NaN : absolute / count,
        coldPairs,
        coldScored == 0 ? Double.NaN : Math.sqrt(coldSquares / coldScored));
  }
}
