package org.movierec.core.testbackend;

import java.util.function.UnaryOperator;
import org.movierec.core.file.ModelFile;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.core.training.Trainer;
import org.movierec.core.training.TrainingListener;

/**
 * A test backend (the mean-bias one unless named) with a defect injected into the models it trains
 * or loads, to show that the contract tests catch it.
 */
final class DefectiveBackend implements BackendProvider {

  private final BackendProvider backend;
  private final UnaryOperator<Model> onTrain;
  private final UnaryOperator<Model> onLoad;
  private final boolean ignoresErrorPolicy;
  private final boolean silencesListener;

  private DefectiveBackend(
      BackendProvider backend,
      UnaryOperator<Model> onTrain,
      UnaryOperator<Model> onLoad,
      boolean ignoresErrorPolicy,
      boolean silencesListener) {
    this.backend = backend;
    this.onTrain = onTrain;
    this.onLoad = onLoad;
    this.ignoresErrorPolicy = ignoresErrorPolicy;
    this.silencesListener = silencesListener;
  }

  /** A backend whose trained and loaded models both carry the defect. */
  static DefectiveBackend everyModel(UnaryOperator<Model> defect) {
    return everyModelOf(new MeanBiasTestBackend(), defect);
  }

  /** A backend over {@code backend} whose trained and loaded models both carry the defect. */
  static DefectiveBackend everyModelOf(BackendProvider backend, UnaryOperator<Model> defect) {
    return new DefectiveBackend(backend, defect, defect, false, false);
  }

  /** A backend whose models are sound until saved and loaded again. */
  static DefectiveBackend loadedModels(UnaryOperator<Model> defect) {
    return new DefectiveBackend(
        new MeanBiasTestBackend(), UnaryOperator.identity(), defect, false, false);
  }

  /** A backend that loads every model with the fallback policy, whatever was asked. */
  static DefectiveBackend ignoringErrorPolicy() {
    return new DefectiveBackend(
        new MeanBiasTestBackend(), UnaryOperator.identity(), UnaryOperator.identity(), true, false);
  }

  /** A backend whose trainer never tells its listener anything. */
  static DefectiveBackend silentTrainer() {
    return new DefectiveBackend(
        new MeanBiasTestBackend(), UnaryOperator.identity(), UnaryOperator.identity(), false, true);
  }

  @Override
  public String name() {
    return backend.name();
  }

  @Override
  public String description() {
    return "a deliberately broken " + backend.name();
  }

  @Override
  public Trainer newTrainer() {
    Trainer trainer = backend.newTrainer();
    return (train, validation, config, listener) ->
        onTrain.apply(
            trainer.train(
                train, validation, config, silencesListener ? TrainingListener.NONE : listener));
  }

  @Override
  public Model load(ModelFile file, RuntimeOptions options) {
    RuntimeOptions used =
        ignoresErrorPolicy
            ? new RuntimeOptions(
                options.device(),
                options.threads(),
                ColdStartPolicy.FALLBACK,
                options.recommendThreads())
            : options;
    return onLoad.apply(backend.load(file, used));
  }
}
