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
    return Biases.fit(fitted, config).rmse(fitted, test);
  }
}
