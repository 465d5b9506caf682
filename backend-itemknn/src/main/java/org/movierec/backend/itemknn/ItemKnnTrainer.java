package org.movierec.backend.itemknn;

import java.util.List;
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

/**
 * Builds item-kNN models. It reads {@code neighbours} (K), {@code shrinkage}, {@code threads} (0 =
 * one per core), the bias keys ({@code bias_reg_user}, {@code bias_reg_movie}, {@code
 * bias_iterations}) for the kNN-baseline's bias estimate, {@code validation_fraction}, {@code
 * seed}, {@code loss} and {@code device}; network keys such as {@code epochs} do not apply. The
 * build is one pass, reported as one epoch whose batches are blocks of target movies of about equal
 * work, with the running training RMSE of the rating estimate as its loss (on a sample past a
 * million ratings, see {@link NeighbourBuilder}); a stop requested between two blocks is honoured.
 * With {@code validation_fraction}, a model built without the {@link HoldOut} measures an honest
 * validation RMSE and the kept model is built again on the whole input (the epoch then has twice
 * the batches).
 */
public final class ItemKnnTrainer implements Trainer {

  /** The engine name reported in progress and model files. */
  static final String ENGINE = "pure Java " + Runtime.version().feature();

  /** A trainer; it holds no state between runs. */
  public ItemKnnTrainer() {}

  @Override
  public ItemKnnModel train(
      RatingDataset train,
      Optional<RatingDataset> validation,
      TrainingConfig config,
      TrainingListener listener) {
    config.device().requireCpu(ItemKnnBackendProvider.NAME);
    if (train.size() == 0) {
      throw new IllegalArgumentException(
          "cannot build item-kNN from an empty training set; check the data path and split");
    }
    ColumnarRatings input = RatingDatasets.compact(train);
    HoldOut holdOut =
        HoldOut.split(
            input, validation.isPresent() ? 0 : config.validationFraction(), config.seed());
    ColumnarRatings fitted = holdOut.fitted();
    Optional<RatingDataset> check =
        holdOut.hasValidation() ? Optional.of(holdOut.validation()) : validation;
    int blocks = NeighbourBuilder.blocksFor(input.movies().size());
    int batches = holdOut.hasValidation() ? 2 * blocks : blocks;
    listener.onTrainingStart(
        new TrainingStart(
            ItemKnnBackendProvider.NAME,
            ENGINE,
            "cpu",
            fitted.size(),
            check.map(RatingDataset::size).orElse(0),
            1,
            batches));
    if (listener.stopRequested()) {
      throw TrainingStoppedException.beforeBatch(1, 1, 1, batches);
    }
    long start = System.nanoTime();
    Biases fittedBiases = Biases.fit(fitted, config);
    RatedItems fittedRated = RatedItems.of(fitted);
    float[] fittedRatings = KnnScorer.alignRatings(fitted, fittedRated);
    NeighbourBuilder.Result measured =
        build(fittedRated, fittedRatings, fittedBiases, fitted, config, listener, 1, batches);
    KnnScorer measuredScorer =
        new KnnScorer(fittedBiases, fittedRated, fittedRatings, measured.neighbours());
    double validationRmse =
        check
            .map(ratings -> measuredScorer.rmse(fitted, ratings, input.scale()))
            .orElse(Double.NaN);
    Biases keptBiases = fittedBiases;
    float[] keptRatings = fittedRatings;
    ItemNeighbours keptNeighbours = measured.neighbours();
    if (holdOut.hasValidation()) {
      if (listener.stopRequested()) {
        throw TrainingStoppedException.beforeBatch(1, 1, blocks + 1, batches);
      }
      // The hold-out only measured the build; the model keeps lists of the whole input.
      keptBiases = Biases.fit(input, config);
      RatedItems rated = RatedItems.of(input);
      keptRatings = KnnScorer.alignRatings(input, rated);
      keptNeighbours =
          build(rated, keptRatings, keptBiases, input, config, listener, blocks + 1, batches)
              .neighbours();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double loss = lossOf(config, measured.trainRmse());
    EpochReport report =
        new EpochReport(1, 1, loss, validationRmse, 0, fitted.size(), seconds, seconds, 0);
    listener.onEpochEnd(report);
    TrainingSummary summary = new TrainingSummary(1, 1, seconds, fitted.size(), List.of(report));
    ModelInfo info =
        new ModelInfo(
            ItemKnnBackendProvider.NAME, ENGINE, describe(config), config.toTextMap(), summary);
    TrainedState state = TrainedState.of(input, keptBiases, info);
    listener.onTrainingEnd(summary);
    // The state's rated items are the ones the ratings were aligned with, collected again the same
    // way; sharing them keeps one copy in memory.
    return new ItemKnnModel(
        state,
        config.coldStart(),
        new KnnScorer(keptBiases, state.rated(), keptRatings, keptNeighbours));
  }

  private static NeighbourBuilder.Result build(
      RatedItems rated,
      float[] ratings,
      Biases biases,
      RatingDataset data,
      TrainingConfig config,
      TrainingListener listener,
      int firstBatch,
      int batches) {
    return new NeighbourBuilder(rated, ratings, biases, data.scale())
        .build(
            config.get(Keys.NEIGHBOURS),
            config.get(Keys.SHRINKAGE),
            threads(config),
            new NeighbourBuilder.Progress(listener, firstBatch, batches),
            rmse -> lossOf(config, rmse));
  }

  /** The configured compute threads, or one per core for {@code threads = 0}. */
  static int threads(TrainingConfig config) {
    return config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
  }

  private static double lossOf(TrainingConfig config, double rmse) {
    return config.loss() == LossKind.MSE ? rmse * rmse : rmse;
  }

  private static String describe(TrainingConfig config) {
    return "item-kNN: cosine over who rated what, "
        + config.get(Keys.NEIGHBOURS)
        + " neighbours per movie, shrinkage "
        + Keys.SHRINKAGE.format(config.get(Keys.SHRINKAGE))
        + "; ranked by similarity sums, rated by the bias estimate plus the similarity-weighted"
        + " mean of the user's residuals (kNN-baseline)";
  }
}
