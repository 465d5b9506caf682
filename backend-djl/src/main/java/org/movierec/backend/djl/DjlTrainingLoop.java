package org.movierec.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.random.Shuffle;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.LossKind;
import org.movierec.core.training.TrainingException;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingStoppedException;
import org.movierec.core.training.TrainingSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The epoch and batch loop: shuffles with the seed every epoch, runs forward, loss, backward and
 * one optimizer step per batch, measures validation RMSE after each epoch, stops early when it
 * stops improving and keeps the best epoch's parameters. Every batch's arrays live in their own
 * sub-manager, closed when the batch ends.
 */
final class DjlTrainingLoop {

  /** Mixed into the seed so the shuffling order does not correlate with the initialization. */
  private static final long SHUFFLE_SALT = 0x9E3779B97F4A7C15L;

  private static final Logger LOG = LoggerFactory.getLogger(DjlTrainingLoop.class);

  /**
   * What a run produced.
   *
   * @param model the model of the kept parameters: the best epoch's under early stopping, else the
   *     last
   * @param summary what training measured
   */
  record Result(DjlModel model, TrainingSummary summary) {}

  /**
   * Wraps parameters and what training measured so far into a model, for checkpoints and the end.
   */
  interface ModelMaker {
    /** The model of these parameters. */
    DjlModel make(DjlParameters parameters, TrainingSummary summary);
  }

  private final DjlNetwork network;
  private final DjlTrainingData data;
  private final TrainingConfig config;
  private final TrainingListener listener;
  private final ModelMaker maker;

  /** A loop over prepared data for a realized network. */
  DjlTrainingLoop(
      DjlNetwork network,
      DjlTrainingData data,
      TrainingConfig config,
      TrainingListener listener,
      ModelMaker maker) {
    this.network = network;
    this.data = data;
    this.config = config;
    this.listener = listener;
    this.maker = maker;
  }

  /**
   * Trains for the configured epochs or until early stopping, offering a checkpoint every {@code
   * checkpoint_every} epochs before the last.
   *
   * @throws TrainingException naming the epoch and batch when the loss is not finite or the engine
   *     fails
   * @throws TrainingStoppedException when the listener asks to stop, before the next batch
   */
  Result run() {
    ColumnarRatings train = data.train();
    int n = train.size();
    int batchSize = config.batchSize();
    int batches = (n + batchSize - 1) / batchSize;
    int epochs = config.epochs();
    int patience = config.earlyStoppingPatience();
    int checkpointEvery = config.get(Keys.CHECKPOINT_EVERY);
    boolean validating = data.validationSize() > 0;
    int[] users = train.userIndices();
    int[] movies = train.movieIndices();
    float[] ratings = train.ratings();
    DjlTrainingData.Pairs shuffled =
        new DjlTrainingData.Pairs(new int[n], new int[n], new float[n]);
    int[] order = Shuffle.identity(n);
    Random random = new Random(config.seed() ^ SHUFFLE_SALT);
    List<EpochReport> history = new ArrayList<>();
    DjlParameters best = null;
    double bestRmse = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    double trainSeconds = 0;
    long started = System.nanoTime();
    try (DjlOptimizer optimizer = new DjlOptimizer(network, config)) {
      for (int epoch = 1; epoch <= epochs; epoch++) {
        double learningRate = config.learningRateAt(epoch - 1);
        // The epoch's time includes its shuffle and gather, as PyTorch loops' timers do.
        long epochStart = System.nanoTime();
        Shuffle.inPlace(order, random);
        for (int i = 0; i < n; i++) {
          shuffled.users()[i] = users[order[i]];
          shuffled.movies()[i] = movies[order[i]];
          shuffled.ratings()[i] = ratings[order[i]];
        }
        double lossSum = runEpoch(epoch, batches, optimizer, learningRate, shuffled);
        double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
        trainSeconds += epochSeconds;
        double rmse = validating ? validationRmse(train.scale()) : Double.NaN;
        double elapsed = (System.nanoTime() - started) / 1e9;
        EpochReport report =
            new EpochReport(
                epoch,
                epochs,
                lossSum / batches,
                rmse,
                learningRate,
                n,
                epochSeconds,
                elapsed,
                elapsed / epoch * (epochs - epoch));
        history.add(report);
        LOG.debug(
            "epoch {}/{}: loss {} validation RMSE {} ({} samples/s)",
            epoch,
            epochs,
            report.trainLoss(),
            rmse,
            Math.round(report.samplesPerSecond()));
        listener.onEpochEnd(report);
        if (validating && patience > 0) {
          if (rmse < bestRmse) {
            bestRmse = rmse;
            bestEpoch = epoch;
            best = network.snapshot();
          } else if (epoch - bestEpoch >= patience) {
            LOG.info(
                "early stopping after epoch {}: validation RMSE last improved in epoch {} ({})",
                epoch,
                bestEpoch,
                bestRmse);
            break;
          }
        }
        if (checkpointEvery > 0 && epoch % checkpointEvery == 0 && epoch < epochs) {
          TrainingSummary sofar =
              new TrainingSummary(
                  epoch, best == null ? epoch : bestEpoch, trainSeconds, (long) n * epoch, history);
          try (DjlModel checkpoint = maker.make(best == null ? network.snapshot() : best, sofar)) {
            listener.onCheckpoint(epoch, checkpoint);
          }
        }
      }
    }
    int epochsRun = history.size();
    if (best == null) {
      best = network.snapshot();
      bestEpoch = epochsRun;
    }
    TrainingSummary summary =
        new TrainingSummary(epochsRun, bestEpoch, trainSeconds, (long) n * epochsRun, history);
    return new Result(maker.make(best, summary), summary);
  }

  /** One pass over the shuffled columns; returns the sum of the batch losses. */
  private double runEpoch(
      int epoch,
      int batches,
      DjlOptimizer optimizer,
      double learningRate,
      DjlTrainingData.Pairs shuffled) {
    int n = shuffled.size();
    int batchSize = config.batchSize();
    double lossSum = 0;
    try (GradientCollector collector = network.manager().getEngine().newGradientCollector()) {
      for (int batch = 1; batch <= batches; batch++) {
        if (listener.stopRequested()) {
          throw TrainingStoppedException.beforeBatch(epoch, config.epochs(), batch, batches);
        }
        int start = (batch - 1) * batchSize;
        int length = Math.min(batchSize, n - start);
        float loss;
        try {
          loss = trainBatch(collector, optimizer, learningRate, shuffled, start, length);
        } catch (RuntimeException e) {
          throw new TrainingException(
              "the engine failed in epoch "
                  + epoch
                  + ", batch "
                  + batch
                  + " of "
                  + batches
                  + ": "
                  + e.getMessage(),
              e);
        }
        if (!Float.isFinite(loss)) {
          throw diverged(epoch, batch, batches, loss, learningRate);
        }
        lossSum += loss;
        listener.onBatchEnd(epoch, batch, batches, loss);
      }
    }
    return lossSum;
  }

  /**
   * Forward, loss, backward and update for one batch, all of whose arrays live and die in one
   * sub-manager. A non-finite loss is returned before any update is applied.
   */
  private float trainBatch(
      GradientCollector collector,
      DjlOptimizer optimizer,
      double learningRate,
      DjlTrainingData.Pairs pairs,
      int start,
      int length) {
    try (NDManager scope = network.manager().newSubManager()) {
      Shape shape = new Shape(length);
      NDArray u = scope.create(IntBuffer.wrap(pairs.users(), start, length), shape, DataType.INT32);
      NDArray m =
          scope.create(IntBuffer.wrap(pairs.movies(), start, length), shape, DataType.INT32);
      NDArray r =
          scope.create(
              FloatBuffer.wrap(pairs.ratings(), start, length),
              new Shape(length, 1),
              DataType.FLOAT32);
      NDArray error = network.forward(u, m).sub(r);
      NDArray objective = error.square().mean();
      if (config.loss() == LossKind.RMSE) {
        objective = objective.sqrt();
      }
      float loss = objective.getFloat();
      if (Float.isFinite(loss)) {
        collector.backward(objective);
        optimizer.step(learningRate);
      }
      return loss;
    }
  }

  private TrainingException diverged(
      int epoch, int batch, int batches, float loss, double learningRate) {
    return new TrainingException(
        "training diverged in epoch "
            + epoch
            + ", batch "
            + batch
            + " of "
            + batches
            + ": the loss is "
            + loss
            + "; lower learning_rate (now "
            + learningRate
            + "), check the network's initializers, or add weight_decay");
  }

  /** The RMSE of clipped predictions on the validation pairs. */
  private double validationRmse(RatingScale scale) {
    DjlTrainingData.Pairs pairs = data.validation();
    float[] predictions = network.predict(pairs.users(), pairs.movies());
    double sum = 0;
    for (int i = 0; i < predictions.length; i++) {
      double error = scale.clip(predictions[i]) - pairs.ratings()[i];
      sum += error * error;
    }
    return Math.sqrt(sum / predictions.length);
  }
}
