package org.movierec.app.evaluation;

import org.movierec.core.bias.Biases;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingDatasets;

/**
 * The bias baseline's test RMSE on the same split, shown next to every trained model's so a number
 * is never reported without its reference. Uses the configured bias regularization.
 */
public final class BaselineReference {

  private final TrainingConfig config;

  BaselineReference(TrainingConfig config) {
    this.config = config;
  }

  /** The RMSE on {@code test} of biases fitted to {@code train}, unknown ids counting zero. */
  public double testRmse(RatingDataset train, RatingDataset test) {
    ColumnarRatings fitted = RatingDatasets.compact(train);
    Biases biases = Biases.fit(fitted, config);
    double squares = 0;
    for (int row = 0; row < test.size(); row++) {
      int user = fitted.users().indexOf(test.rawUserId(row));
      int movie = fitted.movies().indexOf(test.rawMovieId(row));
      double error = fitted.scale().clip(biases.estimate(user, movie)) - test.rating(row);
      squares += error * error;
    }
    return test.size() == 0 ? Double.NaN : Math.sqrt(squares / test.size());
  }
}
