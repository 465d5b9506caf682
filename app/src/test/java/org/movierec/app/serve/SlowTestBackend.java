package org.movierec.app.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
import org.movierec.core.model.RatedItems;
import org.movierec.core.model.ScoringModel;
import org.movierec.core.model.TrainedState;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.Trainer;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingSummary;

/**
 * A test backend whose models take {@value #SCORING_MILLIS} ms to score and answer 3 for every
 * pair; on entering a scoring call they create the file named by the system property {@value
 * #MARKER_PROPERTY}, so that a test knows a request is in flight inside the model.
 */
public final class SlowTestBackend implements BackendProvider {

  /** The name model files carry. */
  static final String NAME = "slow-test";

  /** The system property naming the file created when scoring starts. */
  static final String MARKER_PROPERTY = "movierec.test.scoringMarker";

  /** How long one scoring call takes. */
  static final long SCORING_MILLIS = 3_000;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "answers 3 for every pair after " + SCORING_MILLIS + " ms";
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
        return new SlowModel(
            new TrainedState(
                compact.users(),
                compact.movies(),
                compact.scale(),
                RatedItems.of(compact),
                Biases.fit(compact, 15, 10, 1),
                new ModelInfo(NAME, "none", "slow constant", config.toTextMap(), summary)),
            config.coldStart());
      }
    };
  }

  @Override
  public Model load(ModelFile file, RuntimeOptions options) {
    return new SlowModel(TrainedState.readFrom(file), options.coldStart());
  }

  private static final class SlowModel extends ScoringModel {
    SlowModel(TrainedState state, ColdStartPolicy policy) {
      super(state, policy);
    }

    @Override
    protected void scoreKnown(int[] denseUsers, int[] denseMovies, int count, float[] out) {
      String marker = System.getProperty(MARKER_PROPERTY);
      if (marker != null) {
        try {
          Files.writeString(Path.of(marker), "scoring");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      try {
        Thread.sleep(SCORING_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while scoring", e);
      }
      Arrays.fill(out, 0, count, 3f);
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
