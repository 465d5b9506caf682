package org.movierec.backend.djl;

import org.movierec.core.file.ModelFile;
import org.movierec.core.model.Model;
import org.movierec.core.model.TrainedState;
import org.movierec.core.rank.CatalogThreads;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.core.training.Trainer;
import org.movierec.model.NetworkSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code djl} backend: neural networks trained with Deep Java Library on PyTorch. Found through
 * {@code META-INF/services}; loading it switches DJL to offline mode before DJL's engine can start.
 */
public final class DjlBackendProvider implements BackendProvider {

  /** The backend's name in configurations and model files. */
  public static final String NAME = "djl";

  private static final Logger LOG = LoggerFactory.getLogger(DjlBackendProvider.class);

  static {
    DjlEngine.goOffline();
  }

  /** The provider, as {@link java.util.ServiceLoader} creates it. */
  public DjlBackendProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "the declared neural network, trained with DJL on PyTorch (CPU, or CUDA with -Pcu117)";
  }

  @Override
  public Trainer newTrainer() {
    return new DjlTrainer();
  }

  /**
   * Rebuilds a model from its file without starting the engine: predictions run on the JVM, so the
   * requested device does not apply to them.
   *
   * @throws org.movierec.core.file.ModelFileException when the file's sections are missing,
   *     inconsistent with each other or damaged
   */
  @Override
  public Model load(ModelFile file, RuntimeOptions options) {
    TrainedState state = TrainedState.readFrom(file);
    NetworkSpec spec = DjlModelFile.readSpec(file);
    DjlParameters parameters =
        DjlModelFile.readParameters(file, spec, state.users().size(), state.movies().size());
    LOG.debug(
        "loaded network '{}' for {} users and {} movies from {}; predictions run on the JVM",
        spec.name(),
        state.users().size(),
        state.movies().size(),
        file.path());
    return new DjlModel(
        state,
        options.coldStart(),
        spec,
        parameters,
        CatalogThreads.of(options.recommendThreads()));
  }
}
