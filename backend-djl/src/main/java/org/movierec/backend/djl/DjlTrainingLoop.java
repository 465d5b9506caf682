package org.movierec.backend.djl;

import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.random.Shuffle;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.TrainingException;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingStoppedException;
import org.movierec.core.training.TrainingSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The epoch and batch loop: shuffles with the seed every epoch, runs one {@link DjlTrainingStep}
 * per batch, measures validation RMSE after each epoch, stops early when it stops improving and
 * keeps the best epoch's parameters. The training ratings are read where they are: an epoch
 * shuffles a permutation of row numbers (4 bytes per rating, allocated once) and each batch gathers
 * its rows into buffers reused for every batch, so nothing is copied per epoch.
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

  private final DjlTrainingStep step;
  private final DjlTrainingData data;
  private final TrainingConfig config;
  private final TrainingListener listener;
  private final ModelMaker maker;
  private final DjlOffset offset;

  /** A loop over prepared data for a training step. */
  DjlTrainingLoop(
      DjlTrainingStep step,
      DjlTrainingData data,
      TrainingConfig config,
      TrainingListener listener,
      ModelMaker maker) {
    this.step = step;
    this.data = data;
    this.config = config;
    this.listener = listener;
    this.maker = maker;
    this.offset = DjlOffset.of(config.outputOffset(), data.biases());
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
    int[] order = Shuffle.identity(n);
    DjlBatch[] buffers = {
      new DjlBatch(Math.min(batchSize, n)), new DjlBatch(Math.min(batchSize, n))
    };
    Random random = new Random(config.seed() ^ SHUFFLE_SALT);
    List<EpochReport> history = new ArrayList<>();
    DjlParameters best = null;
    double bestRmse = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    double trainSeconds = 0;
    long started = System.nanoTime();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      double learningRate = config.learningRateAt(epoch - 1);
      // The epoch's time includes its shuffle and gathers, as PyTorch loops' timers do.
      long epochStart = System.nanoTime();
      Shuffle.inPlace(order, random);
      double lossSum = runEpoch(epoch, batches, learningRate, order, buffers);
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
          best = step.snapshot();
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
        try (DjlModel checkpoint = maker.make(best == null ? step.snapshot() : best, sofar)) {
          listener.onCheckpoint(epoch, checkpoint);
        }
      }
    }
    int epochsRun = history.size();
    if (best == null) {
      best = step.snapshot();
      bestEpoch = epochsRun;
    }
    TrainingSummary summary =
        new TrainingSummary(epochsRun, bestEpoch, trainSeconds, (long) n * epochsRun, history);
    return new Result(maker.make(best, summary), summary);
  }

  /**
   * One pass over the ratings in the shuffled order; returns the sum of the batch losses. While the
   * step trains on one batch, the pipeline fills the other buffer with the next.
   */
  private double runEpoch(
      int epoch, int batches, double learningRate, int[] order, DjlBatch[] buffers) {
    DjlBatch current = buffers[0];
    DjlBatch next = buffers[1];
    fill(current, order, 1);
    double lossSum = 0;
    try (GradientCollector collector = step.newGradientCollector()) {
      for (int batch = 1; batch <= batches; batch++) {
        if (listener.stopRequested()) {
          throw TrainingStoppedException.beforeBatch(epoch, config.epochs(), batch, batches);
        }
        boolean last = batch == batches;
        DjlBatch following = last ? null : next;
        int followingNumber = batch + 1;
        float loss;
        try {
          DjlPipeline.Pending filled =
              step.pipeline().submit(() -> fill(following, order, followingNumber));
          loss = step.train(collector, current, following, learningRate);
          filled.join();
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
        next = current;
        current = following;
      }
    }
    return lossSum;
  }

  /** Fills a buffer with the pairs of a one-based batch number; nothing for a null buffer. */
  private void fill(DjlBatch buffer, int[] order, int batch) {
    if (buffer != null) {
      int start = (batch - 1) * config.batchSize();
      buffer.fill(
          data.train(), offset, order, start, Math.min(config.batchSize(), order.length - start));
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

  /**
   * The RMSE of clipped predictions, the network's output plus the offset, on the validation pairs.
   */
  private double validationRmse(RatingScale scale) {
    DjlTrainingData.Pairs pairs = data.validation();
    float[] predictions = step.predict(pairs.users(), pairs.movies());
    offset.add(pairs.users(), pairs.movies(), predictions.length, predictions);
    double sum = 0;
    for (int i = 0; i < predictions.length; i++) {
      double error = scale.clip(predictions[i]) - pairs.ratings()[i];
      sum += error * error;
    }
    return Math.sqrt(sum / predictions.length);
  }
}
