package org.movierec.backend.djl;

import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.model.RatedItems;
import org.movierec.core.random.Shuffle;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.TrainingException;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingObjective;
import org.movierec.core.training.TrainingStoppedException;
import org.movierec.core.training.TrainingSummary;
import org.movierec.model.NetworkSpec;
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

  /** Mixed into the seed of the negatives, apart from the shuffle's and the initialization's. */
  private static final long NEGATIVE_SALT = 0x632BE59BD9B4E019L;

  /** Mixed into the seed of the history dropout, apart from the negatives' seed. */
  private static final long HISTORY_SALT = 0x1B873593E6546B64L;

  /** The epoch being trained, for the negatives' random source. */
  private int currentEpoch;

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
  private final NetworkSpec spec;
  private final TrainingObjective objective;
  private final DjlHistory history;
  private final DjlNegativeSampler sampler;
  private final int negatives;
  private final DjlValidationRanking validationRanking;

  /** A loop over prepared data for a training step of a network without a user history. */
  DjlTrainingLoop(
      DjlTrainingStep step,
      DjlTrainingData data,
      TrainingConfig config,
      TrainingListener listener,
      ModelMaker maker) {
    this(step, data, config, listener, maker, null, null);
  }

  /**
   * A loop over prepared data for a training step of {@code spec}, whose users are formed with the
   * fitted ratings' {@code history} when the spec has one (else null); {@code fitted} is what each
   * user rated in the fitted ratings, never drawn as their negatives.
   */
  DjlTrainingLoop(
      DjlTrainingStep step,
      DjlTrainingData data,
      TrainingConfig config,
      TrainingListener listener,
      ModelMaker maker,
      NetworkSpec spec,
      DjlHistory history) {
    this.step = step;
    this.data = data;
    this.config = config;
    this.listener = listener;
    this.maker = maker;
    this.offset = DjlOffset.of(config.outputOffset(), data.biases());
    this.spec = spec;
    this.objective = config.objective();
    this.history = history;
    if (objective.ranks()) {
      RatedItems fitted = RatedItems.of(data.train());
      this.sampler =
          new DjlNegativeSampler(
              fitted, data.train().movies().size(), config.get(Keys.NEGATIVE_SAMPLING));
      this.negatives = config.get(Keys.NEGATIVES);
      this.validationRanking = DjlValidationRanking.of(data.validation(), fitted, config.seed());
    } else {
      this.sampler = null;
      this.negatives = 0;
      this.validationRanking = null;
    }
  }

  /** The pairs a batch buffer holds at most: its ratings and, when ranking, their negatives. */
  static int batchCapacity(TrainingConfig config, int ratings) {
    int positives = Math.min(config.batchSize(), ratings);
    return config.objective().ranks()
        ? Math.multiplyExact(positives, 1 + config.get(Keys.NEGATIVES))
        : positives;
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
    int capacity = batchCapacity(config, n);
    DjlBatch[] buffers = {new DjlBatch(capacity), new DjlBatch(capacity)};
    Random random = new Random(config.seed() ^ SHUFFLE_SALT);
    List<EpochReport> history = new ArrayList<>();
    DjlParameters best = null;
    // Lower is better: the validation RMSE, or under a ranking objective minus the NDCG@10.
    double bestRmse = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    double trainSeconds = 0;
    long started = System.nanoTime();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      double learningRate = config.learningRateAt(epoch - 1);
      // The epoch's time includes its shuffle and gathers, as PyTorch loops' timers do.
      long epochStart = System.nanoTime();
      Shuffle.inPlace(order, random);
      currentEpoch = epoch;
      double lossSum = runEpoch(epoch, batches, learningRate, order, buffers);
      double epochSeconds = (System.nanoTime() - epochStart) / 1e9;
      trainSeconds += epochSeconds;
      double rmse = validating && objective.rates() ? validationRmse(train.scale()) : Double.NaN;
      double ndcg = validating && objective.ranks() ? validationNdcg() : Double.NaN;
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
              elapsed / epoch * (epochs - epoch),
              ndcg);
      history.add(report);
      LOG.debug(
          "epoch {}/{}: loss {} validation RMSE {} NDCG@10 {} ({} samples/s)",
          epoch,
          epochs,
          report.trainLoss(),
          rmse,
          ndcg,
          Math.round(report.samplesPerSecond()));
      listener.onEpochEnd(report);
      double score = objective.ranks() ? -ndcg : rmse;
      if (validating && patience > 0 && !Double.isNaN(score)) {
        if (score < bestRmse) {
          bestRmse = score;
          bestEpoch = epoch;
          best = step.snapshot();
        } else if (epoch - bestEpoch >= patience) {
          LOG.info(
              "early stopping after epoch {}: validation {} last improved in epoch {} ({})",
              epoch,
              objective.ranks() ? "NDCG@10" : "RMSE",
              bestEpoch,
              Math.abs(bestRmse));
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

  /**
   * Fills a buffer with the pairs of a one-based batch number of the current epoch; nothing for a
   * null buffer. A ranking batch's negatives come from a random source seeded by the seed, the
   * epoch and the batch, so they are drawn anew every epoch and the same on every run and thread.
   */
  private void fill(DjlBatch buffer, int[] order, int batch) {
    if (buffer != null) {
      int start = (batch - 1) * config.batchSize();
      int length = Math.min(config.batchSize(), order.length - start);
      buffer.historySeed(historySeed(config.seed(), currentEpoch, batch));
      if (sampler == null) {
        buffer.fill(data.train(), offset, order, start, length);
      } else {
        buffer.fillRanking(
            data.train(),
            offset,
            order,
            start,
            length,
            sampler,
            negatives,
            negativeRandom(config.seed(), currentEpoch, batch));
      }
    }
  }

  /** The seed of the random source that picks which rated movies one batch's histories keep. */
  static long historySeed(long seed, int epoch, int batch) {
    return negativeRandom(seed ^ HISTORY_SALT, epoch, batch).nextLong();
  }

  /** The random source of one batch's negatives. */
  static SplittableRandom negativeRandom(long seed, int epoch, int batch) {
    long mixed = seed ^ NEGATIVE_SALT;
    mixed = mixed * 0x9E3779B97F4A7C15L + epoch;
    mixed = mixed * 0xBF58476D1CE4E5B9L + batch;
    return new SplittableRandom(mixed);
  }

  /**
   * The mean NDCG@10 of the current parameters' lists for the validation users, scored on the JVM
   * by the ranking output (the ranking head under {@code joint}), users formed with their fitted
   * history.
   */
  private double validationNdcg() {
    DjlParameters parameters = step.current();
    DjlSplitNetwork network = DjlSplitNetwork.of(spec, parameters, history);
    if (spec.hasRankingHead()) {
      network = network.rankingHead(spec, parameters);
    }
    return validationRanking.ndcg(new DjlScorer(network));
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
    float[] predictions;
    if (objective == TrainingObjective.RATING && history == null) {
      predictions = step.predict(pairs.users(), pairs.movies());
    } else {
      predictions = new float[pairs.size()];
      new DjlScorer(DjlSplitNetwork.of(spec, step.current(), history))
          .score(pairs.users(), pairs.movies(), pairs.size(), predictions);
    }
    offset.add(pairs.users(), pairs.movies(), predictions.length, predictions);
    double sum = 0;
    for (int i = 0; i < predictions.length; i++) {
      double error = scale.clip(predictions[i]) - pairs.ratings()[i];
      sum += error * error;
    }
    return Math.sqrt(sum / predictions.length);
  }
}
