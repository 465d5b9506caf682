package org.movierec.backend.baseline;

import java.util.List;
import java.util.Optional;
import org.movierec.core.bias.Biases;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingDatasets;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.TrainedState;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.HoldOut;
import org.movierec.core.training.LossKind;
import org.movierec.core.training.Trainer;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingListener.TrainingStart;
import org.movierec.core.training.TrainingStoppedException;
import org.movierec.core.training.TrainingSummary;

/**
 * Fits the bias baseline. It reads {@code bias_reg_user}, {@code bias_reg_movie}, {@code
 * bias_iterations}, {@code validation_fraction}, {@code seed}, {@code loss} and {@code device};
 * network keys such as {@code epochs} and {@code checkpoint_every} do not apply. With {@code
 * validation_fraction}, the biases are fitted once without the {@link HoldOut} to report an honest
 * validation RMSE, and the model keeps biases fitted again to the whole input, which its id maps
 * and rated items also describe. The whole alternating-least-squares fit is reported as one epoch
 * of one batch, since it has no smaller unit that a listener could act on: a stop requested before
 * it starts is honoured; one requested during it comes too late, since no batch is left to skip.
 */
public final class BaselineTrainer implements Trainer {

  /** The engine name reported in progress and model files. */
  static final String ENGINE = "pure Java " + Runtime.version().feature();

  /** A trainer; it holds no state between runs. */
  public BaselineTrainer() {}

  @Override
  public BaselineModel train(
      RatingDataset train,
      Optional<RatingDataset> validation,
      TrainingConfig config,
      TrainingListener listener) {
    config.device().requireCpu(BaselineBackendProvider.NAME);
    if (train.size() == 0) {
      throw new IllegalArgumentException(
          "cannot fit the bias baseline to an empty training set; check the data path and split");
    }
    ColumnarRatings input = RatingDatasets.compact(train);
    HoldOut holdOut =
        HoldOut.split(
            input, validation.isPresent() ? 0 : config.validationFraction(), config.seed());
    ColumnarRatings fitted = holdOut.fitted();
    Optional<RatingDataset> check =
        holdOut.hasValidation() ? Optional.of(holdOut.validation()) : validation;
    listener.onTrainingStart(
        new TrainingStart(
            BaselineBackendProvider.NAME,
            ENGINE,
            "cpu",
            fitted.size(),
            check.map(RatingDataset::size).orElse(0),
            1,
            1));
    if (listener.stopRequested()) {
      throw TrainingStoppedException.beforeBatch(1, 1, 1, 1);
    }
    long start = System.nanoTime();
    Biases measured = Biases.fit(fitted, config);
    double seconds = (System.nanoTime() - start) / 1e9;
    double trainRmse = measured.rmse(fitted, fitted);
    double loss = config.loss() == LossKind.MSE ? trainRmse * trainRmse : trainRmse;
    listener.onBatchEnd(1, 1, 1, loss);
    double validationRmse = check.map(ratings -> measured.rmse(fitted, ratings)).orElse(Double.NaN);
    EpochReport report =
        new EpochReport(1, 1, loss, validationRmse, 0, fitted.size(), seconds, seconds, 0);
    listener.onEpochEnd(report);
    TrainingSummary summary = new TrainingSummary(1, 1, seconds, fitted.size(), List.of(report));
    ModelInfo info =
        new ModelInfo(
            BaselineBackendProvider.NAME, ENGINE, describe(config), config.toTextMap(), summary);
    // The hold-out only measured the fit; the model keeps biases of the whole input.
    Biases kept = holdOut.hasValidation() ? Biases.fit(input, config) : measured;
    TrainedState state = TrainedState.of(input, kept, info);
    listener.onTrainingEnd(summary);
    return new BaselineModel(state, config.coldStart());
  }

  private static String describe(TrainingConfig config) {
    return "bias baseline: rating = global mean + user bias + movie bias, fitted by alternating"
        + " least squares (bias_reg_user="
        + Keys.BIAS_REG_USER.format(config.get(Keys.BIAS_REG_USER))
        + ", bias_reg_movie="
        + Keys.BIAS_REG_MOVIE.format(config.get(Keys.BIAS_REG_MOVIE))
        + ", bias_iterations="
        + config.get(Keys.BIAS_ITERATIONS)
        + ")";
  }
}
