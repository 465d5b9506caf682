package org.movierec.backend.ease;

import org.movierec.core.file.ModelFile;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.core.training.Trainer;

/** Announces EASE to the backend registry under the name {@code ease}. */
public final class EaseBackendProvider implements BackendProvider {

  /** The name configurations use ({@code backend = ease}) and model files carry. */
  public static final String NAME = "ease";

  /** The constructor {@link java.util.ServiceLoader} calls. */
  public EaseBackendProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "EASE (Steck 2019): closed-form item-item weights over who rated what, lists by the"
        + " weights of the user's rated movies, ratings by the bias estimate; dense, for catalogs"
        + " whose square fits the heap (pure Java with EJML)";
  }

  @Override
  public Trainer newTrainer() {
    return new EaseTrainer();
  }

  @Override
  public Model load(ModelFile file, RuntimeOptions options) {
    file.requireBackend(NAME);
    options.device().requireCpu(NAME);
    return EaseModel.load(file, options.coldStart());
  }
}
