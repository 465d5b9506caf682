package org.movierec.backend.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.Model;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.RatedItems;
import org.movierec.core.model.TrainedState;
import org.movierec.core.rank.CatalogThreads;
import org.movierec.core.training.EmbeddingOptimizer;
import org.movierec.core.training.OutputOffset;
import org.movierec.core.training.Trainer;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingObjective;
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
    checkObjective(spec, config);
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
    EmbeddingOptimizer embeddings = embeddingOptimizer(config, initial.layout());
    DjlHistory history =
        spec.history().usesHistory() ? DjlHistory.of(spec.history(), RatedItems.of(fitted)) : null;

    DjlTrainingLoop.Result result;
    ONE_AT_A_TIME.lock();
    try {
      Engine engine = DjlEngine.start(config.threads());
      String engineName = DjlEngine.describe(engine);
      Device device =
          DjlDevices.select(config.device(), engine.getGpuCount(), DjlEngine.flavor(engine));
      int batches = (fitted.size() + config.batchSize() - 1) / config.batchSize();
      LOG.info(
          "training network '{}' ({} parameters, {} embedding updates, objective {}, {} step) with"
              + " {} on {} ({} intra-op threads): {} ratings, {} validation, {} epochs of {}"
              + " batches",
          spec.name(),
          initial.count(),
          embeddings.name().toLowerCase(java.util.Locale.ROOT),
          config.objective().name().toLowerCase(java.util.Locale.ROOT),
          DjlStepChoice.of(config, spec, device.isGpu()).describe(),
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
                  parameters,
                  CatalogThreads.of(config.get(Keys.RECOMMEND_THREADS)));
      try (DjlPipeline pipeline =
              config.threads() == 1
                  ? DjlPipeline.inline()
                  : DjlPipeline.background("movierec-training-helper");
          NDManager root = engine.newBaseManager(device);
          DjlTrainingStep step = DjlTrainingStep.create(root, initial, config, pipeline, history)) {
        result = new DjlTrainingLoop(step, data, config, listener, maker, spec, history).run();
      }
    } finally {
      ONE_AT_A_TIME.unlock();
    }
    listener.onTrainingEnd(result.summary());
    return result.model();
  }

  /**
   * How the embedding tables are trained for a layout: {@code embedding_optimizer}, with {@code
   * auto} resolved by the tables' size and the network's user history.
   *
   * @throws ConfigException when {@code dense} is asked for a network with a user history, whose
   *     users only lazy training forms
   */
  static EmbeddingOptimizer embeddingOptimizer(TrainingConfig config, DjlLayout layout) {
    NetworkSpec spec = layout.spec();
    boolean history = spec.history().usesHistory();
    if (history && config.embeddingOptimizer() == EmbeddingOptimizer.DENSE) {
      throw new ConfigException(
          "embedding_optimizer=dense cannot train network '"
              + spec.name()
              + "', whose user_history forms each user from the movies they rated on the JVM;"
              + " use embedding_optimizer=lazy or auto");
    }
    long values =
        (long) layout.users() * spec.userEmbedding().dim()
            + (long) layout.movies() * spec.movieEmbedding().dim();
    return config.embeddingOptimizer().resolve(values, history);
  }

  /**
   * Checks that the network has the outputs the objective trains.
   *
   * @throws ConfigException when joint lacks a ranking head or another objective has one
   */
  static void checkObjective(NetworkSpec spec, TrainingConfig config) {
    TrainingObjective objective = config.objective();
    if (objective == TrainingObjective.JOINT && !spec.hasRankingHead()) {
      throw new ConfigException(
          "objective=joint trains a rating output and a ranking head, but network '"
              + spec.name()
              + "' has no ranking_head; use a network with one, such as "
              + NetworkSpecs.SEED_JOINT
              + ", or objective=ranking");
    }
    if (objective != TrainingObjective.JOINT && spec.hasRankingHead()) {
      throw new ConfigException(
          "network '"
              + spec.name()
              + "' has a ranking_head, which only objective=joint trains; set objective=joint, or"
              + " use a network without one");
    }
    Activation output = spec.layers().get(spec.layers().size() - 1).activation();
    if (objective == TrainingObjective.RANKING && output != Activation.IDENTITY) {
      LOG.warn(
          "objective=ranking with network '{}', whose output ends in {}: the output is a logit,"
              + " which an activation other than identity bounds; use a network such as {}",
          spec.name(),
          output.jsonName(),
          NetworkSpecs.SEED_RANK);
    }
  }
}
