package org.movierec.core.testbackend;

import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileException;
import org.movierec.core.model.Model;
import org.movierec.core.model.TrainedState;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.core.training.Trainer;

/**
 * A backend whose model is nothing but the bias estimate every model keeps for cold starts; core's
 * stand-in for a real backend in its own contract tests.
 */
public final class MeanBiasTestBackend implements BackendProvider {

  /** The backend name written into its model files. */
  public static final String NAME = "mean-bias-test";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "global mean plus user and movie biases, for core's contract tests";
  }

  @Override
  public Trainer newTrainer() {
    return new MeanBiasTestTrainer();
  }

  @Override
  public Model load(ModelFile file, RuntimeOptions options) {
    if (!file.backend().equals(NAME)) {
      throw new ModelFileException(
          file.path(),
          ModelFileException.Problem.INCOMPATIBLE,
          "it was written by backend '" + file.backend() + "', not " + NAME);
    }
    return new MeanBiasTestModel(TrainedState.readFrom(file), options.coldStart());
  }
}
