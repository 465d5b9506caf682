package org.movierec.core.testbackend;

import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileException;
import org.movierec.core.model.Model;
import org.movierec.core.model.TrainedState;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.core.training.Trainer;

/**
 * The mean-bias test backend with a ranking score of its own ({@link RankedMeanBiasTestModel}), so
 * that core's contract tests meet a model whose lists are not ordered by its rating estimate.
 */
public final class RankedMeanBiasTestBackend implements BackendProvider {

  /** The backend name written into its model files. */
  public static final String NAME = "ranked-mean-bias-test";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "the bias estimate, ranked by a count score, for core's contract tests";
  }

  @Override
  public Trainer newTrainer() {
    return new MeanBiasTestTrainer(NAME, RankedMeanBiasTestModel::new);
  }

  @Override
  public Model load(ModelFile file, RuntimeOptions options) {
    if (!file.backend().equals(NAME)) {
      throw new ModelFileException(
          file.path(),
          ModelFileException.Problem.INCOMPATIBLE,
          "it was written by backend '" + file.backend() + "', not " + NAME);
    }
    return new RankedMeanBiasTestModel(TrainedState.readFrom(file), options.coldStart());
  }
}
