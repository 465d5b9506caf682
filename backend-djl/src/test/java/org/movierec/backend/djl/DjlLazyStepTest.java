package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.training.OutputOffset;
import org.movierec.model.Activation;
import org.movierec.model.DenseLayerSpec;
import org.movierec.model.EmbeddingSpec;
import org.movierec.model.Initializer;
import org.movierec.model.NetworkSpec;

/**
 * The lazy step against the dense one: the same mathematics when a batch touches every row, and no
 * change at all to the rows it does not touch.
 */
class DjlLazyStepTest {

  private static final NetworkSpec SPEC =
      new NetworkSpec(
          "lazy-test",
          new EmbeddingSpec(3, Initializer.normal(0.7)),
          new EmbeddingSpec(2, Initializer.normal(0.7)),
          List.of(
              new DenseLayerSpec(4, Activation.TANH, Initializer.PYTORCH_LINEAR),
              new DenseLayerSpec(1, Activation.IDENTITY, Initializer.PYTORCH_LINEAR)));

  /** Four users and three movies; user 2 and movie 3 appear twice. */
  private static final ColumnarRatings RATINGS =
      ratings(new int[][] {{1, 1, 4}, {2, 2, 2}, {3, 3, 5}, {4, 1, 3}, {2, 3, 1}});

  private NDManager root;

  @BeforeEach
  void startEngine() {
    root = DjlEngine.start(1).newBaseManager();
  }

  @AfterEach
  void closeEngine() {
    root.close();
  }

  @ParameterizedTest(name = "optimizer={0}, helper thread={1}")
  @CsvSource({"adam, false", "sgd, false", "adam, true", "sgd, true"})
  void train_batchesTouchingEveryRow_sameParametersAsDenseStep(
      String optimizer, boolean helperThread) {
    DjlParameters initial = DjlInitializer.initialize(SPEC, 4, 3, 5);
    DjlBatch batch = batch(RATINGS.size());
    DjlParameters dense;
    DjlParameters lazy;
    try (DjlTrainingStep step =
        new DjlDenseStep(root, initial, config(optimizer, "dense"), DjlPipeline.inline())) {
      dense = trainThreeSteps(step, batch);
    }
    // Every step touches every row, so each gather of the next batch reads the rows just updated.
    try (DjlPipeline pipeline =
            helperThread ? DjlPipeline.background("lazy-step-test") : DjlPipeline.inline();
        DjlTrainingStep step =
            new DjlLazyStep(root, initial, config(optimizer, "lazy"), pipeline)) {
      lazy = trainThreeSteps(step, batch);
    }

    assertThat(lazy.sameAs(initial)).isFalse();
    for (int slot = 0; slot < initial.layout().size(); slot++) {
      assertThat(lazy.get(slot).values())
          .as("%s", initial.layout().slot(slot))
          .containsExactly(dense.get(slot).values(), within(2e-6f));
    }
  }

  @Test
  void train_batchTouchingSomeRows_leavesTheOthersBitIdentical() {
    DjlParameters initial = DjlInitializer.initialize(SPEC, 4, 3, 6);
    DjlLayout layout = initial.layout();
    DjlBatch firstTwo = batch(2);
    DjlParameters after;
    try (DjlTrainingStep step =
        new DjlLazyStep(root, initial, config("adam", "lazy"), DjlPipeline.inline())) {
      after = trainThreeSteps(step, firstTwo);
    }

    float[] users = after.get(layout.userEmbedding()).values();
    float[] before = initial.get(layout.userEmbedding()).values();
    assertThat(Arrays.copyOfRange(users, 0, 6)).isNotEqualTo(Arrays.copyOfRange(before, 0, 6));
    assertThat(Arrays.copyOfRange(users, 6, 12))
        .as("users 3 and 4 are in no batch")
        .containsExactly(Arrays.copyOfRange(before, 6, 12));
    float[] movies = after.get(layout.movieEmbedding()).values();
    float[] moviesBefore = initial.get(layout.movieEmbedding()).values();
    assertThat(Arrays.copyOfRange(movies, 4, 6))
        .as("movie 3 is in no batch")
        .containsExactly(Arrays.copyOfRange(moviesBefore, 4, 6));
    assertThat(after.get(layout.weight(0)).values())
        .isNotEqualTo(initial.get(layout.weight(0)).values());
  }

  @Test
  void predict_matchesTheEngineForwardPassOfTheSnapshot() {
    DjlParameters initial = DjlInitializer.initialize(SPEC, 4, 3, 7);
    int[] users = {0, 1, 2, 3, 3};
    int[] movies = {2, 1, 0, 0, 2};
    try (DjlTrainingStep step =
        new DjlLazyStep(root, initial, config("adam", "lazy"), DjlPipeline.inline())) {
      trainThreeSteps(step, batch(3));
      float[] lazy = step.predict(users, movies);
      try (DjlNetwork network = DjlNetwork.create(root, SPEC, step.snapshot(), false)) {
        assertThat(lazy).containsExactly(network.predict(users, movies), within(1e-6f));
      }
    }
  }

  /** Three steps on the same batch, the first two announcing it as the next one. */
  private static DjlParameters trainThreeSteps(DjlTrainingStep step, DjlBatch batch) {
    for (int i = 0; i < 3; i++) {
      try (GradientCollector collector = step.newGradientCollector()) {
        assertThat(step.train(collector, batch, i < 2 ? batch : null, 0.05)).isFinite();
      }
    }
    return step.snapshot();
  }

  private static DjlBatch batch(int rows) {
    DjlBatch batch = new DjlBatch(rows);
    int[] order = new int[rows];
    Arrays.setAll(order, i -> i);
    batch.fill(RATINGS, DjlOffset.of(OutputOffset.NONE, null), order, 0, rows);
    return batch;
  }

  private static TrainingConfig config(String optimizer, String embeddingOptimizer) {
    return TrainingConfig.builder()
        .set("optimizer", optimizer)
        .set("embedding_optimizer", embeddingOptimizer)
        .set("adam_beta1", "0.8")
        .set("adam_beta2", "0.95")
        .set("adam_epsilon", "0.01")
        .set("weight_decay", "0.3")
        .set("embedding_weight_decay", "0.07")
        .set("loss", "rmse")
        .build();
  }

  private static ColumnarRatings ratings(int[][] rows) {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS, rows.length);
    for (int[] row : rows) {
      builder.add(row[0], row[1], row[2], 1_000_000L);
    }
    return builder.build();
  }
}
