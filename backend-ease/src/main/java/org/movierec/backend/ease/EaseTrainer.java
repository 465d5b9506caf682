package org.movierec.backend.ease;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.movierec.core.bias.Biases;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingDatasets;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.RatedItems;
import org.movierec.core.model.TrainedState;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.HoldOut;
import org.movierec.core.training.LossKind;
import org.movierec.core.training.Trainer;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingListener.TrainingStart;
import org.movierec.core.training.TrainingStoppedException;
import org.movierec.core.training.TrainingSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits EASE. It reads {@code lambda}, {@code threads} (0 = one per core), the bias keys ({@code
 * bias_reg_user}, {@code bias_reg_movie}, {@code bias_iterations}) for the rating estimate, {@code
 * validation_fraction}, {@code seed}, {@code loss} and {@code device}; network keys such as {@code
 * epochs} do not apply. Before any work it refuses a catalog whose dense solve would not fit the
 * heap ({@link EaseMemory}). The fit is one epoch of {@link EaseSolver#PHASES} batches: the biases
 * with the Gram matrix, its Cholesky factor, its inverse and the weights; a stop requested between
 * two is honoured, and each batch's loss is the bias estimate's training loss. The weights always
 * come from the whole input; with {@code validation_fraction}, the biases are fitted once without
 * the {@link HoldOut} to report an honest validation RMSE and kept fitted to the whole input.
 */
public final class EaseTrainer implements Trainer {

  /** The engine name reported in progress and model files. */
  static final String ENGINE =
      "pure Java " + Runtime.version().feature() + " with EJML " + EjmlVersion.VERSION;

  private static final Logger LOG = LoggerFactory.getLogger(EaseTrainer.class);

  /** A trainer; it holds no state between runs. */
  public EaseTrainer() {}

  @Override
  public EaseModel train(
      RatingDataset train,
      Optional<RatingDataset> validation,
      TrainingConfig config,
      TrainingListener listener) {
    config.device().requireCpu(EaseBackendProvider.NAME);
    if (train.size() == 0) {
      throw new IllegalArgumentException(
          "cannot fit EASE to an empty training set; check the data path and split");
    }
    long checkStart = System.nanoTime();
    EaseMemory memory = EaseMemory.of(ratedMovies(train), train.size(), Runtime.getRuntime());
    LOG.info(
        "ease: {} (counted in {} ms)",
        memory.describe(),
        (System.nanoTime() - checkStart) / 1_000_000);
    memory.requireFits();
    ColumnarRatings input = RatingDatasets.compact(train);
    HoldOut holdOut =
        HoldOut.split(
            input, validation.isPresent() ? 0 : config.validationFraction(), config.seed());
    ColumnarRatings fitted = holdOut.fitted();
    Optional<RatingDataset> check =
        holdOut.hasValidation() ? Optional.of(holdOut.validation()) : validation;
    int phases = EaseSolver.PHASES;
    listener.onTrainingStart(
        new TrainingStart(
            EaseBackendProvider.NAME,
            ENGINE,
            "cpu",
            fitted.size(),
            check.map(RatingDataset::size).orElse(0),
            1,
            phases));
    if (listener.stopRequested()) {
      throw TrainingStoppedException.beforeBatch(1, 1, 1, phases);
    }
    long start = System.nanoTime();
    Biases measured = Biases.fit(fitted, config);
    double trainRmse = measured.rmse(fitted, fitted);
    double loss = config.loss() == LossKind.MSE ? trainRmse * trainRmse : trainRmse;
    Biases kept = holdOut.hasValidation() ? Biases.fit(input, config) : measured;
    RatedItems rated = RatedItems.of(input);
    double lambda = config.get(Keys.EASE_LAMBDA);
    int threads = threads(config);
    long[] phaseStart = {System.nanoTime()};
    float[] solved =
        EaseSolver.solve(
            rated,
            input.movies().size(),
            lambda,
            threads,
            phase -> {
              long now = System.nanoTime();
              LOG.info(
                  "ease: {} of {} movies in {} s",
                  PHASE_NAMES.get(phase - 1),
                  input.movies().size(),
                  String.format(Locale.ROOT, "%.2f", (now - phaseStart[0]) / 1e9));
              phaseStart[0] = now;
              listener.onBatchEnd(1, phase, phases, loss);
              if (phase < phases && listener.stopRequested()) {
                throw TrainingStoppedException.beforeBatch(1, 1, phase + 1, phases);
              }
            });
    EaseWeights weights = EaseWeights.of(input.movies().size(), solved);
    double seconds = (System.nanoTime() - start) / 1e9;
    double validationRmse = check.map(ratings -> measured.rmse(fitted, ratings)).orElse(Double.NaN);
    EpochReport report =
        new EpochReport(1, 1, loss, validationRmse, 0, fitted.size(), seconds, seconds, 0);
    listener.onEpochEnd(report);
    TrainingSummary summary = new TrainingSummary(1, 1, seconds, fitted.size(), List.of(report));
    ModelInfo info =
        new ModelInfo(
            EaseBackendProvider.NAME, ENGINE, describe(config), config.toTextMap(), summary);
    TrainedState state = TrainedState.of(input, kept, info);
    listener.onTrainingEnd(summary);
    return new EaseModel(state, weights, config.coldStart());
  }

  private static final List<String> PHASE_NAMES =
      List.of("biases and Gram matrix", "Cholesky factor", "inverse", "weights");

  /** The movies with at least one rating, counted without building anything: EASE's catalog. */
  static int ratedMovies(RatingDataset ratings) {
    boolean[] seen = new boolean[ratings.movies().size()];
    int count = 0;
    for (int row = 0; row < ratings.size(); row++) {
      int movie = ratings.movieIndex(row);
      if (!seen[movie]) {
        seen[movie] = true;
        count++;
      }
    }
    return count;
  }

  private static int threads(TrainingConfig config) {
    int threads = config.get(Keys.THREADS);
    return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }

  private static String describe(TrainingConfig config) {
    return "EASE (Steck 2019): weights B = I - P diag(1/diag P), P = (X^T X + lambda I)^-1 over who"
        + " rated what (lambda="
        + Keys.EASE_LAMBDA.format(config.get(Keys.EASE_LAMBDA))
        + "), lists by the user's row times B; ratings by the bias estimate (bias_reg_user="
        + Keys.BIAS_REG_USER.format(config.get(Keys.BIAS_REG_USER))
        + ", bias_reg_movie="
        + Keys.BIAS_REG_MOVIE.format(config.get(Keys.BIAS_REG_MOVIE))
        + ", bias_iterations="
        + config.get(Keys.BIAS_ITERATIONS)
        + ")";
  }
}
