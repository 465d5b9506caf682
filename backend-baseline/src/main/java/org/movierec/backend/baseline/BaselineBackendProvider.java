package org.movierec.backend.baseline;

import org.movierec.core.file.ModelFile;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.core.training.Trainer;

/** Announces the bias baseline to the backend registry under the name {@code baseline}. */
public final class BaselineBackendProvider implements BackendProvider {

  /** The name configurations use ({@code backend = baseline}) and model files carry. */
  public static final String NAME = "baseline";

  /** The constructor {@link java.util.ServiceLoader} calls. */
  public BaselineBackendProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "global mean plus regularized user and movie biases, fitted by alternating least"
        + " squares (pure Java)";
  }

  @Override
  public Trainer newTrainer() {
    return new BaselineTrainer();
  }

  @Override
  public Model load(ModelFile file, RuntimeOptions options) {
    file.requireBackend(NAME);
    options.device().requireCpu(NAME);
    return BaselineModel.load(file, options.coldStart());
  }
}
