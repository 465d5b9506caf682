package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingDatasets;
import org.movierec.core.model.Model;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.HoldOut;
import org.movierec.core.training.TrainingException;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingSummary;
import org.movierec.model.Activation;
import org.movierec.model.DenseLayerSpec;
import org.movierec.model.EmbeddingSpec;
import org.movierec.model.Initializer;
import org.movierec.model.NetworkSpec;

class DjlTrainerTest {

  private static final ColumnarRatings ALL = SyntheticRatings.generate(60, 40, 25, 7);

  private static TrainingConfig.Builder quick() {
    return TrainingConfig.builder()
        .set("epochs", "6")
        .set("batch_size", "64")
        .set("learning_rate", "0.01");
  }

  @ParameterizedTest(name = "embedding_optimizer={0}")
  @ValueSource(strings = {"dense", "lazy"})
  void train_tinyDataset_rmseWellBelowGlobalMean(String embeddingOptimizer) {
    HoldOut split = HoldOut.split(ALL, 0.2, 3);
    RatingDataset train = split.fitted();
    RatingDataset test = split.validation();
    TrainingConfig config =
        quick()
            .set("epochs", "40")
            .set("batch_size", "32")
            .set("embedding_optimizer", embeddingOptimizer)
            .build();
    try (Model model = new DjlTrainer().train(train, config)) {
      double mean = train.meanRating();
      double meanSquares = 0;
      double modelSquares = 0;
      for (int row = 0; row < test.size(); row++) {
        float predicted = model.predict(test.rawUserId(row), test.rawMovieId(row));
        modelSquares += Math.pow(predicted - test.rating(row), 2);
        meanSquares += Math.pow(mean - test.rating(row), 2);
      }
      assertThat(Math.sqrt(modelSquares / test.size()))
          .isLessThan(0.8 * Math.sqrt(meanSquares / test.size()));
    }
  }

  @ParameterizedTest(name = "threads={0}, embedding_optimizer={1}")
  @CsvSource({"1, dense", "2, dense", "1, lazy", "2, lazy"})
  void train_sameSeedTwice_bitIdenticalParameters(String threads, String embeddingOptimizer) {
    TrainingConfig config =
        quick()
            .set("seed", "42")
            .set("threads", threads)
            .set("embedding_optimizer", embeddingOptimizer)
            .build();
    DjlModel first = (DjlModel) new DjlTrainer().train(ALL, config);
    DjlModel second = (DjlModel) new DjlTrainer().train(ALL, config);
    assertThat(first.parameters().sameAs(second.parameters())).isTrue();
  }

  @Test
  void train_lazyWithAndWithoutHelperThread_bitIdenticalParameters() {
    TrainingConfig.Builder lazy = quick().set("seed", "7").set("embedding_optimizer", "lazy");
    DjlModel oneThread = (DjlModel) new DjlTrainer().train(ALL, lazy.set("threads", "1").build());
    DjlModel helper = (DjlModel) new DjlTrainer().train(ALL, lazy.set("threads", "0").build());
    assertThat(helper.parameters().sameAs(oneThread.parameters())).isTrue();
  }

  @Test
  void train_otherSeed_otherParameters() {
    DjlModel first = (DjlModel) new DjlTrainer().train(ALL, quick().set("seed", "1").build());
    DjlModel second = (DjlModel) new DjlTrainer().train(ALL, quick().set("seed", "2").build());
    assertThat(first.parameters().sameAs(second.parameters())).isFalse();
  }

  @Test
  void train_viewOfLargerDataset_knowsExactlyItsOwnIds() {
    int[] firstHundredRows = new int[100];
    for (int i = 0; i < firstHundredRows.length; i++) {
      firstHundredRows[i] = i;
    }
    RatingDataset view = ALL.select(firstHundredRows);
    long users = java.util.stream.IntStream.range(0, 100).map(view::rawUserId).distinct().count();
    try (Model model = new DjlTrainer().train(view, quick().set("epochs", "1").build())) {
      assertThat(model.users().size()).isEqualTo((int) users).isLessThan(ALL.users().size());
      assertThat(model.knowsUser(ALL.users().rawId(ALL.users().size() - 1))).isFalse();
    }
  }

  @Test
  void train_validationFraction_measuresExactlyTheRowsOfTheSharedHoldOut() {
    Recorder recorder = new Recorder();
    TrainingConfig config =
        quick().set("validation_fraction", "0.2").set("seed", "9").set("epochs", "3").build();
    HoldOut expected = HoldOut.split(RatingDatasets.compact(ALL), 0.2, 9);

    try (Model model = new DjlTrainer().train(ALL, Optional.empty(), config, recorder)) {
      assertThat(recorder.start.validationRatings()).isEqualTo(expected.validation().size());
      assertThat(recorder.start.trainRatings()).isEqualTo(expected.fitted().size());
      double kept = model.info().summary().bestReport().orElseThrow().validationRmse();
      assertThat(rmse(model, expected.validation())).isCloseTo(kept, within(1e-4));
    }
  }

  @Test
  void train_validationFraction_reportsEveryEpochWithProgressFigures() {
    Recorder recorder = new Recorder();
    TrainingConfig config = quick().set("validation_fraction", "0.2").build();
    try (Model model = new DjlTrainer().train(ALL, Optional.empty(), config, recorder)) {
      assertThat(recorder.start.backend()).isEqualTo("djl");
      assertThat(recorder.start.engine()).startsWith("PyTorch ");
      assertThat(recorder.start.validationRatings() + recorder.start.trainRatings())
          .isLessThanOrEqualTo(ALL.size());
      assertThat(recorder.start.trainRatings())
          .isEqualTo(ALL.size() - Math.round(ALL.size() * 0.2));
      assertThat(recorder.reports).hasSize(6);
      assertThat(recorder.batchEnds).isEqualTo(6 * recorder.start.batchesPerEpoch());
      for (EpochReport report : recorder.reports) {
        assertThat(report.hasValidation()).isTrue();
        assertThat(report.trainLoss()).isPositive();
        assertThat(report.samplesPerSecond()).isPositive();
        assertThat(report.etaSeconds()).isGreaterThanOrEqualTo(0);
      }
      assertThat(recorder.reports.get(5).etaSeconds()).isZero();
      assertThat(recorder.summary).isEqualTo(model.info().summary());
      assertThat(model.info().engine()).startsWith("PyTorch ");
      assertThat(model.info().architecture()).contains("\"user_embedding\"");
      assertThat(model.info().config()).containsEntry("validation_fraction", "0.2");
    }
  }

  @Test
  void train_earlyStopping_stopsAndKeepsBestEpoch() {
    HoldOut split = HoldOut.split(ALL, 0.3, 5);
    RatingDataset train = split.fitted();
    RatingDataset validation = split.validation();
    TrainingConfig config =
        quick()
            .set("epochs", "200")
            .set("learning_rate", "0.05")
            .set("batch_size", "16")
            .set("validation_fraction", "0.1")
            .set("early_stopping_patience", "3")
            .build();
    try (Model model =
        new DjlTrainer().train(train, Optional.of(validation), config, TrainingListener.NONE)) {
      TrainingSummary summary = model.info().summary();
      assertThat(summary.epochsRun()).isLessThan(200).isEqualTo(summary.bestEpoch() + 3);
      double bestReported =
          summary.history().stream().mapToDouble(EpochReport::validationRmse).min().orElseThrow();
      assertThat(summary.bestReport().orElseThrow().validationRmse()).isEqualTo(bestReported);
      assertThat(rmse(model, validation)).isCloseTo(bestReported, within(1e-4));
    }
  }

  @Test
  void train_explicitValidationWithUnknownIds_scoresOnlyKnownPairs() {
    ColumnarRatings other = SyntheticRatings.generate(5, 40, 3, 99);
    Recorder recorder = new Recorder();
    TrainingConfig config = quick().set("epochs", "1").build();
    RatingDataset shifted = shiftUsers(other, 1000);
    new DjlTrainer().train(ALL, Optional.of(shifted), config, recorder);
    assertThat(recorder.start.validationRatings()).isZero();
    assertThat(recorder.reports.get(0).hasValidation()).isFalse();
  }

  @Test
  void train_nanLoss_failsNamingEpochAndBatchAndLeavesSavedModelAlone(@TempDir Path dir)
      throws IOException {
    Path saved = dir.resolve("model.bin");
    try (Model model = new DjlTrainer().train(ALL, quick().set("epochs", "1").build())) {
      model.save(saved);
    }
    byte[] before = Files.readAllBytes(saved);
    NetworkSpec exploding =
        new NetworkSpec(
            "exploding",
            new EmbeddingSpec(4, Initializer.normal(1)),
            new EmbeddingSpec(4, Initializer.normal(1)),
            List.of(
                new DenseLayerSpec(4, Activation.IDENTITY, Initializer.uniform(1e30)),
                new DenseLayerSpec(1, Activation.IDENTITY, Initializer.uniform(1e30))));
    Path spec = dir.resolve("exploding.json");
    Files.writeString(spec, exploding.toJson());
    TrainingConfig config = quick().set("network", spec.toString()).build();
    assertThatThrownBy(() -> new DjlTrainer().train(ALL, config))
        .isInstanceOf(TrainingException.class)
        .hasMessageMatching("training diverged in epoch 1, batch 1 of \\d+: the loss is .*")
        .hasMessageContaining("learning_rate");
    assertThat(Files.readAllBytes(saved)).isEqualTo(before);
  }

  @Test
  void train_anyValidSpec_trainsWithOtherOptimizerLossAndSchedule(@TempDir Path dir)
      throws IOException {
    NetworkSpec spec =
        new NetworkSpec(
            "varied",
            new EmbeddingSpec(8, Initializer.uniform(0.1)),
            new EmbeddingSpec(5, Initializer.PYTORCH_LINEAR),
            List.of(
                new DenseLayerSpec(16, Activation.TANH, Initializer.normal(0.2)),
                new DenseLayerSpec(6, Activation.SIGMOID, Initializer.PYTORCH_LINEAR),
                new DenseLayerSpec(1, Activation.IDENTITY, Initializer.PYTORCH_LINEAR)));
    Path file = dir.resolve("varied.json");
    Files.writeString(file, spec.toJson());
    Recorder recorder = new Recorder();
    TrainingConfig config =
        quick()
            .set("network", file.toString())
            .set("optimizer", "sgd")
            .set("loss", "mse")
            .set("lr_schedule", "step")
            .set("lr_decay_epochs", "2")
            .set("weight_decay", "0.001")
            .set("embedding_weight_decay", "0.0001")
            .build();
    try (DjlModel model =
        (DjlModel) new DjlTrainer().train(ALL, Optional.empty(), config, recorder)) {
      assertThat(model.spec()).isEqualTo(spec);
      assertThat(recorder.reports.get(0).learningRate()).isEqualTo(0.01);
      assertThat(recorder.reports.get(2).learningRate()).isEqualTo(0.005);
      assertThat(recorder.reports.get(5).trainLoss())
          .isLessThan(recorder.reports.get(0).trainLoss());
    }
  }

  @ParameterizedTest(name = "embedding_optimizer={0}")
  @ValueSource(strings = {"dense", "lazy"})
  void train_weightDecayPerGroup_shrinksOnlyItsOwnGroup(String embeddingOptimizer) {
    TrainingConfig.Builder base = quick().set("embedding_optimizer", embeddingOptimizer);
    DjlModel plain = (DjlModel) new DjlTrainer().train(ALL, base.build());
    DjlModel embeddingDecay =
        (DjlModel)
            new DjlTrainer()
                .train(
                    ALL,
                    quick()
                        .set("embedding_optimizer", embeddingOptimizer)
                        .set("embedding_weight_decay", "1")
                        .build());
    DjlModel denseDecay =
        (DjlModel)
            new DjlTrainer()
                .train(
                    ALL,
                    quick()
                        .set("embedding_optimizer", embeddingOptimizer)
                        .set("weight_decay", "1")
                        .build());
    DjlLayout layout = plain.parameters().layout();
    int users = layout.userEmbedding();
    int dense = layout.weight(0);
    assertThat(norm(embeddingDecay, users)).isLessThan(0.9 * norm(plain, users));
    assertThat(norm(embeddingDecay, dense)).isGreaterThan(0.9 * norm(plain, dense));
    assertThat(norm(denseDecay, dense)).isLessThan(0.9 * norm(plain, dense));
    assertThat(norm(denseDecay, users)).isGreaterThan(0.9 * norm(plain, users));
  }

  private static double norm(DjlModel model, int slot) {
    double sum = 0;
    for (float value : model.parameters().get(slot).values()) {
      sum += value * value;
    }
    return Math.sqrt(sum);
  }

  static double rmse(Model model, RatingDataset data) {
    double sum = 0;
    for (int row = 0; row < data.size(); row++) {
      sum +=
          Math.pow(model.predict(data.rawUserId(row), data.rawMovieId(row)) - data.rating(row), 2);
    }
    return Math.sqrt(sum / data.size());
  }

  private static RatingDataset shiftUsers(ColumnarRatings data, int offset) {
    var builder = new org.movierec.core.data.RatingsBuilder(data.scale(), data.size());
    for (int row = 0; row < data.size(); row++) {
      builder.add(
          data.rawUserId(row) + offset,
          data.rawMovieId(row),
          data.rating(row),
          data.timestamp(row));
    }
    return builder.build();
  }

  /** Keeps what a trainer reports. */
  static final class Recorder implements TrainingListener {
    TrainingStart start;
    final List<EpochReport> reports = new ArrayList<>();
    int batchEnds;
    TrainingSummary summary;

    @Override
    public void onTrainingStart(TrainingStart start) {
      this.start = start;
    }

    @Override
    public void onBatchEnd(int epoch, int batch, int batches, double loss) {
      batchEnds++;
    }

    @Override
    public void onEpochEnd(EpochReport report) {
      reports.add(report);
    }

    @Override
    public void onTrainingEnd(TrainingSummary summary) {
      this.summary = summary;
    }
  }
}
