package org.movierec.app.cli;

import java.util.List;
import java.util.Optional;
import org.movierec.core.bias.Biases;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingDatasets;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Model;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.ScoringModel;
import org.movierec.core.model.TrainedState;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.Trainer;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingSummary;

/**
 * A test backend, found through META-INF/services like any other, whose models answer 1 for every
 * pair: what a network with a dead output ReLU does.
 */
public final class ConstantTestBackend implements BackendProvider {

  /** The name configurations use. */
  static final String NAME = "constant-test";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "answers 1 for every pair, like a dead network";
  }

  @Override
  public Trainer newTrainer() {
    return new Trainer() {
      @Override
      public Model train(
          RatingDataset train,
          Optional<RatingDataset> validation,
          TrainingConfig config,
          TrainingListener listener) {
        ColumnarRatings compact = RatingDatasets.compact(train);
        EpochReport report = new EpochReport(1, 1, 1, Double.NaN, 0, compact.size(), 0, 0, 0);
        TrainingSummary summary = new TrainingSummary(1, 1, 0, compact.size(), List.of(report));
        TrainedState state =
            TrainedState.of(
                compact,
                Biases.fit(compact, 15, 10, 1),
                new ModelInfo(NAME, "none", "constant", config.toTextMap(), summary));
        return new ConstantModel(state, config.coldStart());
      }
    };
  }

  @Override
  public Model load(ModelFile file, RuntimeOptions options) {
    return new ConstantModel(TrainedState.readFrom(file), options.coldStart());
  }

  private static final class ConstantModel extends ScoringModel {
    ConstantModel(TrainedState state, ColdStartPolicy policy) {
      super(state, policy);
    }

    @Override
    protected void scoreKnown(int[] denseUsers, int[] denseMovies, int count, float[] out) {
      java.util.Arrays.fill(out, 0, count, 0f);
    }

    @Override
    protected void writeBackendSections(ModelFileWriter out) {
      // Nothing beyond the shared state.
    }

    @Override
    public void close() {
      // Holds no resources.
    }
  }
}
