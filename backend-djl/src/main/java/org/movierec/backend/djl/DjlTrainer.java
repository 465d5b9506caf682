package org.movierec.backend.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.Model;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.TrainedState;
import org.movierec.core.training.OutputOffset;
import org.movierec.core.training.Trainer;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingSummary;
import org.movierec.model.Activation;
import org.movierec.model.NetworkSpec;
import org.movierec.model.NetworkSpecs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the network that the {@code network} key declares with DJL on PyTorch, on the configured
 * device. Runs in one JVM are serialized: PyTorch's gradient recording is process-wide in DJL, so a
 * second caller waits for the first to finish.
 */
public final class DjlTrainer implements Trainer {

  private static final Logger LOG = LoggerFactory.getLogger(DjlTrainer.class);

  private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

  static {
    DjlEngine.goOffline();
  }

  /** A trainer; it holds no resources between runs. */
  public DjlTrainer() {}

  @Override
  public Model train(
      RatingDataset train,
      Optional<RatingDataset> validation,
      TrainingConfig config,
      TrainingListener listener) {
    NetworkSpec spec = NetworkSpecs.resolve(config.network());
    DjlTrainingData data = DjlTrainingData.prepare(train, validation, config);
    ColumnarRatings input = data.input();
    ColumnarRatings fitted = data.train();
    if (data.coldValidationRows() > 0) {
      LOG.info(
          "{} validation ratings name a user or movie absent from training and are not scored",
          data.coldValidationRows());
    }
    // What the model remembers of its input comes from all of it, the validation hold-out
    // included, and is fixed before the first epoch, so that checkpoints only add their metrics.
    TrainedState learned =
        TrainedState.of(
            input,
            data.biases(),
            new ModelInfo(
                DjlBackendProvider.NAME,
                "",
                spec.toJson(),
                config.toTextMap(),
                new TrainingSummary(0, 0, 0, 0, List.of())));
    Activation output = spec.layers().get(spec.layers().size() - 1).activation();
    if (config.outputOffset() == OutputOffset.BIASES && output != Activation.IDENTITY) {
      LOG.warn(
          "output_offset=biases with network '{}', whose output ends in {}: the network can only"
              + " move the bias estimate one way; a network with an identity output such as {}"
              + " learns the residual in both directions",
          spec.name(),
          output.name().toLowerCase(java.util.Locale.ROOT),
          NetworkSpecs.SEED_RESIDUAL);
    }
    DjlParameters initial =
        DjlInitializer.initialize(spec, input.users().size(), input.movies().size(), config.seed());

    DjlTrainingLoop.Result result;
    ONE_AT_A_TIME.lock();
    try {
      Engine engine = DjlEngine.start(config.threads());
      String engineName = DjlEngine.describe(engine);
      Device device =
          DjlDevices.select(config.device(), engine.getGpuCount(), DjlEngine.flavor(engine));
      int batches = (fitted.size() + config.batchSize() - 1) / config.batchSize();
      LOG.info(
          "training network '{}' ({} parameters, {} embedding updates) with {} on {} ({} intra-op"
              + " threads): {} ratings, {} validation, {} epochs of {} batches",
          spec.name(),
          initial.count(),
          config.embeddingOptimizer().name().toLowerCase(java.util.Locale.ROOT),
          engineName,
          device,
          config.threads() > 0 ? config.threads() : DjlEngine.DEFAULT_THREADS,
          fitted.size(),
          data.validationSize(),
          config.epochs(),
          batches);
      listener.onTrainingStart(
          new TrainingListener.TrainingStart(
              DjlBackendProvider.NAME,
              engineName,
              device.toString(),
              fitted.size(),
              data.validationSize(),
              config.epochs(),
              batches));
      DjlTrainingLoop.ModelMaker maker =
          (parameters, summary) ->
              new DjlModel(
                  learned.withInfo(
                      new ModelInfo(
                          DjlBackendProvider.NAME,
                          engineName,
                          spec.toJson(),
                          config.toTextMap(),
                          summary)),
                  config.coldStart(),
                  spec,
                  parameters);
      try (DjlPipeline pipeline =
              config.threads() == 1
                  ? DjlPipeline.inline()
                  : DjlPipeline.background("movierec-training-helper");
          NDManager root = engine.newBaseManager(device);
          DjlTrainingStep step = DjlTrainingStep.create(root, initial, config, pipeline)) {
        result = new DjlTrainingLoop(step, data, config, listener, maker).run();
      }
    } finally {
      ONE_AT_A_TIME.unlock();
    }
    listener.onTrainingEnd(result.summary());
    return result.model();
  }
}
