package org.movierec.core.pair;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.file.ModelFile;
import org.movierec.core.model.Model;
import org.movierec.core.model.TrainedState;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.core.testbackend.ForwardingModel;
import org.movierec.core.testbackend.MeanBiasTestModel;
import org.movierec.core.testbackend.MeanBiasTestTrainer;
import org.movierec.core.testbackend.RankedMeanBiasTestModel;
import org.movierec.core.training.Trainer;
import org.movierec.core.training.TrainingListener;

/**
 * A backend whose model is a {@link PairedModel} of a model ranking by a count score of its own and
 * a bias-estimate model, so that core's model contract tests run against a pair. A pair is two
 * files; for the contract's save-and-load round trip this backend keeps both models' files as two
 * sections of one file of its own.
 */
final class PairedTestBackend implements BackendProvider {

  /** The backend name written into its files and both models' information. */
  static final String NAME = "paired-test";

  private static final String RANKING = "ranking_model";
  private static final String RATING = "rating_model";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "a count-ranked model paired with a bias-estimate model, for core's contract tests";
  }

  @Override
  public Trainer newTrainer() {
    Trainer ranking = new MeanBiasTestTrainer(NAME, RankedMeanBiasTestModel::new);
    Trainer rating = new MeanBiasTestTrainer(NAME, MeanBiasTestModel::new);
    return new Trainer() {
      @Override
      public Model train(
          RatingDataset train,
          Optional<RatingDataset> validation,
          TrainingConfig config,
          TrainingListener listener) {
        return saveable(
            ranking.train(train, validation, config, listener),
            rating.train(train, validation, config, TrainingListener.NONE));
      }
    };
  }

  @Override
  public Model load(ModelFile file, RuntimeOptions options) {
    file.requireBackend(NAME);
    return saveable(
        new RankedMeanBiasTestModel(
            TrainedState.readFrom(ModelFile.parse(file.path(), file.section(RANKING))),
            options.coldStart()),
        new MeanBiasTestModel(
            TrainedState.readFrom(ModelFile.parse(file.path(), file.section(RATING))),
            options.coldStart()));
  }

  private static Model saveable(Model ranking, Model rating) {
    return new SavedAsSections(
        PairedModel.builder()
            .setRankingModel(ranking, "ranking.mrec")
            .setRatingModel(rating, "rating.mrec")
            .build());
  }

  /** The pair, saved as one file holding each model's own file as a section. */
  private static final class SavedAsSections extends ForwardingModel {

    private final PairedModel pair;

    SavedAsSections(PairedModel pair) {
      super(pair);
      this.pair = pair;
    }

    @Override
    public void save(Path file) throws IOException {
      ModelFile.writer(NAME)
          .section(RANKING, bytesOf(pair.rankingModel(), file))
          .section(RATING, bytesOf(pair.ratingModel(), file))
          .writeTo(file);
    }

    private static byte[] bytesOf(Model model, Path beside) {
      try {
        Path part = Files.createTempFile(beside.toAbsolutePath().getParent(), "part", ".mrec");
        try {
          model.save(part);
          return Files.readAllBytes(part);
        } finally {
          Files.delete(part);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
