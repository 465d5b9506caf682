package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.model.RatedItems;
import org.movierec.core.random.Shuffle;
import org.movierec.core.training.NegativeSampling;
import org.movierec.core.training.OutputOffset;
import org.movierec.model.NetworkSpec;
import org.movierec.model.NetworkSpecs;
import org.movierec.model.Presets;

/**
 * The JVM training step against the engine's steps ({@link DjlDenseStep}, {@link DjlLazyStep}): 300
 * steps of the seed network (30 epochs of 10 batches of 256 synthetic ratings) from the same
 * initial parameters on the same batches, comparing every step's loss and the parameters at the
 * end.
 *
 * <p>The two sides sum the same products in different orders, so they agree within float rounding,
 * not bit for bit. How far rounding carries depends on the optimizer:
 *
 * <ul>
 *   <li>SGD moves each parameter by {@code lr} times its gradient, so a rounding difference stays a
 *       rounding difference: after 300 steps the parameters (of magnitude about 1) agree within
 *       {@value #SGD_TOLERANCE}, and so do the losses (measured: 2.4e-7, two float ulps at 1). This
 *       pins the gradients, their scale included.
 *   <li>Adam divides each gradient by its running root mean square, so the rounding difference of a
 *       gradient that is the small remainder of cancelling terms (its relative error far above
 *       float epsilon) becomes a difference of order {@code lr} in the step, and ReLU units whose
 *       input crosses zero on one side only carry it on. The trajectories drift apart slowly
 *       (measured, seed recipe: 2e-6 after 5 steps, 2e-4 after 50, 0.03 to 0.06 after 300, for
 *       parameters that moved about 0.2). So the parameters after {@value #ADAM_EARLY_STEPS} steps
 *       must agree within {@value #ADAM_EARLY_TOLERANCE} (measured at most 1.0e-4), every loss
 *       within {@value #ADAM_LOSS_TOLERANCE} (measured at most 0.0037), and at the end each
 *       tensor's root mean square difference must be under {@value #ADAM_DRIFT_FRACTION} of its
 *       root mean square movement (measured at most 0.11, mostly under 0.05): an error in the step
 *       itself (a missing bias update, a wrong derivative, decay on the wrong group) gives
 *       differences of the order of the movement.
 * </ul>
 */
class DjlJvmStepParityTest {

  private static final int EPOCHS = 30;
  private static final int BATCH = 256;
  private static final double SGD_TOLERANCE = 1e-5;
  private static final int ADAM_EARLY_STEPS = 10;
  private static final double ADAM_EARLY_TOLERANCE = 1e-3;
  private static final double ADAM_LOSS_TOLERANCE = 0.01;
  private static final double ADAM_DRIFT_FRACTION = 0.25;

  /** 120 users rating 20 of 150 movies each: 2,400 ratings, 10 batches of 256 (the last 96). */
  private static final ColumnarRatings RATINGS = SyntheticRatings.generate(120, 150, 20, 3);

  private NDManager root;

  @BeforeEach
  void startEngine() {
    root = DjlEngine.start(1).newBaseManager();
  }

  @AfterEach
  void closeEngine() {
    root.close();
  }

  @ParameterizedTest(name = "{0} embeddings, loss {1}, helper thread {2}")
  @CsvSource({"dense, rmse, false", "dense, mse, false", "lazy, rmse, false", "lazy, mse, true"})
  void train_seedRecipeWithAdam_300Steps_agreesWithEngineStep(
      String embeddings, String loss, boolean helper) {
    Run run = run(NetworkSpecs.resolve("seed"), seed(embeddings, loss, "adam"), helper, false);

    assertAdamAgreement(run);
  }

  @ParameterizedTest(name = "{0} embeddings, loss {1}, helper thread {2}")
  @CsvSource({"dense, mse, false", "dense, rmse, false", "lazy, mse, false", "lazy, rmse, true"})
  void train_seedNetworkWithSgd_300Steps_sameParametersAndLosses(
      String embeddings, String loss, boolean helper) {
    TrainingConfig config =
        TrainingConfig.builder()
            .setAll(seed(embeddings, loss, "sgd").toTextMap())
            .set("learning_rate", "0.02")
            .set("weight_decay", "0.01")
            .set("embedding_weight_decay", "0.003")
            .build();
    Run run = run(NetworkSpecs.resolve("seed"), config, helper, false);

    assertThat(run.jvmLosses).containsExactly(run.engineLosses, within((float) SGD_TOLERANCE));
    assertThat(run.jvm.sameAs(run.initial)).isFalse();
    for (int slot = 0; slot < run.initial.layout().size(); slot++) {
      assertThat(largestDifference(run.jvm.get(slot), run.engine.get(slot)))
          .as("%s", run.initial.layout().slot(slot))
          .isLessThanOrEqualTo(SGD_TOLERANCE);
    }
  }

  @ParameterizedTest(name = "{0} embeddings")
  @CsvSource({"dense", "lazy"})
  void train_rankingObjectiveWithAdam_300Steps_agreesWithEngineStep(String embeddings) {
    TrainingConfig config =
        TrainingConfig.builder()
            .setAll(seed(embeddings, "rmse", "adam").toTextMap())
            .set("objective", "ranking")
            .set("negatives", "3")
            .build();
    Run run = run(NetworkSpecs.resolve(NetworkSpecs.SEED_RESIDUAL), config, false, true);

    assertAdamAgreement(run);
  }

  private static void assertAdamAgreement(Run run) {
    assertThat(run.jvmLosses)
        .containsExactly(run.engineLosses, within((float) ADAM_LOSS_TOLERANCE));
    assertThat(run.jvmLosses[run.jvmLosses.length - 1])
        .as("training lowered the loss")
        .isLessThan(run.jvmLosses[0]);
    for (int slot = 0; slot < run.initial.layout().size(); slot++) {
      assertThat(largestDifference(run.jvmEarly.get(slot), run.engineEarly.get(slot)))
          .as("%s after %d steps", run.initial.layout().slot(slot), ADAM_EARLY_STEPS)
          .isLessThanOrEqualTo(ADAM_EARLY_TOLERANCE);
      float[] start = run.initial.get(slot).values();
      float[] engine = run.engine.get(slot).values();
      float[] jvm = run.jvm.get(slot).values();
      double moved = 0;
      double apart = 0;
      for (int i = 0; i < start.length; i++) {
        moved += (engine[i] - start[i]) * (double) (engine[i] - start[i]);
        apart += (jvm[i] - engine[i]) * (double) (jvm[i] - engine[i]);
      }
      assertThat(moved).as("%s moved", run.initial.layout().slot(slot)).isPositive();
      assertThat(Math.sqrt(apart / moved))
          .as("%s: distance between the sides over distance moved", run.initial.layout().slot(slot))
          .isLessThan(ADAM_DRIFT_FRACTION);
    }
  }

  private static double largestDifference(DjlParameters.Tensor a, DjlParameters.Tensor b) {
    double largest = 0;
    for (int i = 0; i < a.values().length; i++) {
      largest = Math.max(largest, Math.abs(a.values()[i] - b.values()[i]));
    }
    return largest;
  }

  private static TrainingConfig seed(String embeddings, String loss, String optimizer) {
    return TrainingConfig.builder()
        .setAll(Presets.SEED.settings())
        .set("embedding_optimizer", embeddings)
        .set("loss", loss)
        .set("optimizer", optimizer)
        .build();
  }

  /** Both sides' losses by step, and parameters after the early steps and at the end. */
  private record Run(
      DjlParameters initial,
      float[] engineLosses,
      float[] jvmLosses,
      DjlParameters engineEarly,
      DjlParameters jvmEarly,
      DjlParameters engine,
      DjlParameters jvm) {}

  private Run run(NetworkSpec spec, TrainingConfig config, boolean helper, boolean ranking) {
    DjlParameters initial =
        DjlInitializer.initialize(spec, RATINGS.users().size(), RATINGS.movies().size(), 11);
    boolean lazy = config.get(Keys.EMBEDDING_OPTIMIZER).name().equals("LAZY");
    DjlParameters[] engine = new DjlParameters[2];
    DjlParameters[] jvm = new DjlParameters[2];
    float[] engineLosses;
    float[] jvmLosses;
    try (DjlPipeline pipeline = helper ? DjlPipeline.background("parity") : DjlPipeline.inline()) {
      try (DjlTrainingStep step =
          lazy
              ? new DjlLazyStep(root, initial, config, pipeline)
              : new DjlDenseStep(root, initial, config, pipeline)) {
        engineLosses = train(step, config, ranking, engine);
      }
      try (DjlTrainingStep step = new DjlJvmStep(initial, config, pipeline)) {
        jvmLosses = train(step, config, ranking, jvm);
      }
    }
    return new Run(initial, engineLosses, jvmLosses, engine[0], jvm[0], engine[1], jvm[1]);
  }

  /**
   * Trains on shuffled batches as the training loop does, announcing each batch as the next one
   * before it is trained; puts the parameters after {@link #ADAM_EARLY_STEPS} steps and at the end
   * into {@code snapshots}.
   */
  private static float[] train(
      DjlTrainingStep step, TrainingConfig config, boolean ranking, DjlParameters[] snapshots) {
    int n = RATINGS.size();
    int batches = (n + BATCH - 1) / BATCH;
    int negatives = ranking ? config.get(Keys.NEGATIVES) : 0;
    DjlNegativeSampler sampler =
        new DjlNegativeSampler(
            RatedItems.of(RATINGS), RATINGS.movies().size(), NegativeSampling.UNIFORM);
    float[] losses = new float[EPOCHS * batches];
    int[] order = Shuffle.identity(n);
    Random random = new Random(5);
    DjlOffset offset = DjlOffset.of(OutputOffset.NONE, null);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      Shuffle.inPlace(order, random);
      DjlBatch[] filled = new DjlBatch[batches];
      for (int b = 0; b < batches; b++) {
        filled[b] = new DjlBatch(BATCH * (1 + negatives));
        int start = b * BATCH;
        int length = Math.min(BATCH, n - start);
        if (ranking) {
          filled[b].fillRanking(
              RATINGS,
              offset,
              order,
              start,
              length,
              sampler,
              negatives,
              DjlTrainingLoop.negativeRandom(7, epoch, b));
        } else {
          filled[b].fill(RATINGS, offset, order, start, length);
        }
      }
      try (GradientCollector collector = step.newGradientCollector()) {
        for (int b = 0; b < batches; b++) {
          DjlBatch next = b + 1 < batches ? filled[b + 1] : null;
          int index = epoch * batches + b;
          losses[index] = step.train(collector, filled[b], next, config.learningRateAt(epoch));
          if (index + 1 == ADAM_EARLY_STEPS) {
            snapshots[0] = step.snapshot();
          }
        }
      }
    }
    snapshots[1] = step.snapshot();
    return losses;
  }
}
