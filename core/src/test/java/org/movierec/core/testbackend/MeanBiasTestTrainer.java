package org.movierec.core.testbackend;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.movierec.core.bias.Biases;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingDatasets;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Model;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.TrainedState;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.Trainer;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingStoppedException;
import org.movierec.core.training.TrainingSummary;

/**
 * Fits the biases in one pass, reported as a single epoch. Public in the test jar, so that other
 * packages' test backends can train through it.
 */
public final class MeanBiasTestTrainer implements Trainer {

  private final String backend;
  private final BiFunction<TrainedState, ColdStartPolicy, Model> modelFactory;

  /** A trainer of {@link MeanBiasTestModel}s. */
  MeanBiasTestTrainer() {
    this(MeanBiasTestBackend.NAME, MeanBiasTestModel::new);
  }

  /** A trainer whose models are made by {@code modelFactory} and name {@code backend}. */
  public MeanBiasTestTrainer(
      String backend, BiFunction<TrainedState, ColdStartPolicy, Model> modelFactory) {
    this.backend = backend;
    this.modelFactory = modelFactory;
  }

  @Override
  public Model train(
      RatingDataset train,
      Optional<RatingDataset> validation,
      TrainingConfig config,
      TrainingListener listener) {
    if (train.size() == 0) {
      throw new IllegalArgumentException("no training ratings; pass a dataset with ratings");
    }
    ColumnarRatings data = RatingDatasets.compact(train);
    int validationSize = validation.map(RatingDataset::size).orElse(0);
    listener.onTrainingStart(
        new TrainingListener.TrainingStart(
            backend, "java", "cpu", data.size(), validationSize, 1, 1));
    if (listener.stopRequested()) {
      throw TrainingStoppedException.beforeBatch(1, 1, 1, 1);
    }
    long start = System.nanoTime();
    Biases biases =
        Biases.fit(
            data,
            config.get(Keys.BIAS_REG_USER),
            config.get(Keys.BIAS_REG_MOVIE),
            config.get(Keys.BIAS_ITERATIONS));
    double seconds = (System.nanoTime() - start) / 1e9;
    double validationRmse =
        validation.map(ratings -> rmse(biases, data, ratings)).orElse(Double.NaN);
    double trainRmse = rmse(biases, data, data);
    listener.onBatchEnd(1, 1, 1, trainRmse);
    EpochReport report =
        new EpochReport(1, 1, trainRmse, validationRmse, 0, data.size(), seconds, seconds, 0);
    listener.onEpochEnd(report);
    TrainingSummary summary = new TrainingSummary(1, 1, seconds, data.size(), List.of(report));
    listener.onTrainingEnd(summary);
    ModelInfo info =
        new ModelInfo(
            backend,
            "java " + Runtime.version().feature(),
            "global mean + user bias + movie bias",
            config.toTextMap(),
            summary);
    TrainedState state = TrainedState.of(data, biases, info);
    return modelFactory.apply(state, config.coldStart());
  }

  /** The RMSE of the clipped bias estimate on ratings indexed by raw ids. */
  private static double rmse(Biases biases, RatingDataset fitted, RatingDataset ratings) {
    double squares = 0;
    for (int row = 0; row < ratings.size(); row++) {
      float estimate =
          biases.estimate(
              fitted.users().indexOf(ratings.rawUserId(row)),
              fitted.movies().indexOf(ratings.rawMovieId(row)));
      double error = fitted.scale().clip(estimate) - ratings.rating(row);
      squares += error * error;
    }
    return ratings.size() == 0 ? Double.NaN : Math.sqrt(squares / ratings.size());
  }
}
