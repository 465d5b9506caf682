package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.TrainingConfig;
import org.movierec.model.Activation;
import org.movierec.model.DenseLayerSpec;
import org.movierec.model.EmbeddingSpec;
import org.movierec.model.Initializer;
import org.movierec.model.NetworkSpec;

/**
 * Pins one optimizer step against {@code torch.optim.Adam}'s formulas computed by hand, per
 * weight-decay group, and the gradient reset between steps that the engine's update performs.
 */
class DjlOptimizerTest {

  private static final double LR = 0.05;
  private static final double BETA1 = 0.8;
  private static final double BETA2 = 0.95;
  // Large enough that applying it before or after the bias correction changes the step visibly.
  private static final double EPSILON = 0.05;
  private static final double DENSE_DECAY = 0.3;
  private static final double EMBEDDING_DECAY = 0.07;

  /** Distinct widths so that a tensor in the wrong slot cannot go unnoticed. */
  private static final NetworkSpec SPEC =
      new NetworkSpec(
          "optimizer-test",
          new EmbeddingSpec(3, Initializer.normal(0.7)),
          new EmbeddingSpec(2, Initializer.normal(0.7)),
          List.of(
              new DenseLayerSpec(4, Activation.TANH, Initializer.PYTORCH_LINEAR),
              new DenseLayerSpec(1, Activation.IDENTITY, Initializer.PYTORCH_LINEAR)));

  private NDManager root;

  @BeforeEach
  void startEngine() {
    root = DjlEngine.start(1).newBaseManager();
  }

  @AfterEach
  void closeEngine() {
    root.close();
  }

  @Test
  void adamStep_twoSteps_equalHandComputedTorchAdamPerDecayGroup() {
    TrainingConfig config = config("adam");
    try (DjlNetwork network = network();
        DjlOptimizer optimizer = new DjlOptimizer(network, config)) {
      HandAdam expected = new HandAdam(network.layout());
      for (int step = 1; step <= 2; step++) {
        Batch batch = step == 1 ? Batch.FIRST : Batch.SECOND;
        List<float[]> fresh = freshGradients(network, batch);
        backward(network, batch);
        List<float[]> weights = values(network);
        List<float[]> gradients = gradients(network);
        for (int slot = 0; slot < gradients.size(); slot++) {
          assertThat(gradients.get(slot))
              .as("step %d: gradient of %s holds only this batch's", step, name(network, slot))
              .containsExactly(fresh.get(slot), within(1e-6f));
        }
        List<double[]> want = expected.step(weights, gradients);

        optimizer.step(LR);

        assertClose(network, values(network), want, "after Adam step " + step);
        assertGradientsZero(network, "after Adam step " + step);
      }
      assertThat(optimizer.steps()).isEqualTo(2);
    }
  }

  @Test
  void sgdStep_equalsHandComputedStepWithDecayPerGroupAndZeroesGradients() {
    try (DjlNetwork network = network();
        DjlOptimizer optimizer = new DjlOptimizer(network, config("sgd"))) {
      backward(network, Batch.FIRST);
      List<float[]> weights = values(network);
      List<float[]> gradients = gradients(network);
      List<double[]> want = new ArrayList<>();
      for (int slot = 0; slot < weights.size(); slot++) {
        double decay = decayOf(network.layout(), slot);
        float[] w = weights.get(slot);
        float[] g = gradients.get(slot);
        double[] next = new double[w.length];
        for (int i = 0; i < w.length; i++) {
          next[i] = w[i] - LR * (g[i] + decay * w[i]);
        }
        want.add(next);
      }

      optimizer.step(LR);

      assertClose(network, values(network), want, "after SGD step");
      assertGradientsZero(network, "after SGD step");
    }
  }

  /** torch.optim.Adam with L2 weight decay, in double precision, keeping its moments. */
  private static final class HandAdam {
    private final DjlLayout layout;
    private final List<double[]> first = new ArrayList<>();
    private final List<double[]> second = new ArrayList<>();
    private int step;

    HandAdam(DjlLayout layout) {
      this.layout = layout;
      for (DjlLayout.Slot slot : layout.slots()) {
        first.add(new double[slot.size()]);
        second.add(new double[slot.size()]);
      }
    }

    List<double[]> step(List<float[]> weights, List<float[]> gradients) {
      step++;
      double correction1 = 1 - Math.pow(BETA1, step);
      double correction2 = 1 - Math.pow(BETA2, step);
      List<double[]> next = new ArrayList<>();
      for (int slot = 0; slot < weights.size(); slot++) {
        double decay = decayOf(layout, slot);
        float[] w = weights.get(slot);
        float[] g = gradients.get(slot);
        double[] m = first.get(slot);
        double[] v = second.get(slot);
        double[] updated = new double[w.length];
        for (int i = 0; i < w.length; i++) {
          double grad = g[i] + decay * w[i];
          m[i] = BETA1 * m[i] + (1 - BETA1) * grad;
          v[i] = BETA2 * v[i] + (1 - BETA2) * grad * grad;
          double denominator = Math.sqrt(v[i]) / Math.sqrt(correction2) + EPSILON;
          updated[i] = w[i] - LR * (m[i] / correction1) / denominator;
        }
        next.add(updated);
      }
      return next;
    }
  }

  /** Ratings for a batch; user 1 appears twice, users 2 and 4 and movie 1 not at all. */
  private enum Batch {
    FIRST(new int[] {0, 1, 1, 3}, new int[] {0, 2, 3, 3}, new float[] {4, 2, 5, 3}),
    SECOND(new int[] {3, 0, 1}, new int[] {2, 0, 0}, new float[] {1, 5, 4});

    final int[] users;
    final int[] movies;
    final float[] ratings;

    Batch(int[] users, int[] movies, float[] ratings) {
      this.users = users;
      this.movies = movies;
      this.ratings = ratings;
    }
  }

  private static double decayOf(DjlLayout layout, int slot) {
    String name = layout.slot(slot).name();
    return name.endsWith("_embedding") ? EMBEDDING_DECAY : DENSE_DECAY;
  }

  private static TrainingConfig config(String optimizer) {
    return TrainingConfig.builder()
        .set("optimizer", optimizer)
        .set("learning_rate", String.valueOf(LR))
        .set("adam_beta1", String.valueOf(BETA1))
        .set("adam_beta2", String.valueOf(BETA2))
        .set("adam_epsilon", String.valueOf(EPSILON))
        .set("weight_decay", String.valueOf(DENSE_DECAY))
        .set("embedding_weight_decay", String.valueOf(EMBEDDING_DECAY))
        .build();
  }

  private DjlNetwork network() {
    return DjlNetwork.create(root, SPEC, DjlInitializer.initialize(SPEC, 5, 4, 3), true);
  }

  /** Forward, mean squared error and backward on a batch, leaving the gradients on the network. */
  private static void backward(DjlNetwork network, Batch batch) {
    try (NDManager scope = network.manager().newSubManager();
        GradientCollector collector = network.manager().getEngine().newGradientCollector()) {
      NDArray users = scope.create(batch.users);
      NDArray movies = scope.create(batch.movies);
      NDArray ratings = scope.create(batch.ratings).reshape(batch.ratings.length, 1);
      collector.backward(network.forward(users, movies).sub(ratings).square().mean());
    }
  }

  /** The gradients of a batch computed on a fresh copy of the network's current parameters. */
  private List<float[]> freshGradients(DjlNetwork network, Batch batch) {
    try (DjlNetwork copy = DjlNetwork.create(root, SPEC, network.snapshot(), true)) {
      backward(copy, batch);
      return gradients(copy);
    }
  }

  private static List<float[]> values(DjlNetwork network) {
    List<float[]> values = new ArrayList<>();
    for (int slot = 0; slot < network.layout().size(); slot++) {
      values.add(network.values(slot));
    }
    return values;
  }

  private static List<float[]> gradients(DjlNetwork network) {
    List<float[]> gradients = new ArrayList<>();
    for (int slot = 0; slot < network.layout().size(); slot++) {
      gradients.add(network.gradient(slot));
    }
    return gradients;
  }

  private static void assertGradientsZero(DjlNetwork network, String when) {
    List<float[]> gradients = gradients(network);
    for (int slot = 0; slot < gradients.size(); slot++) {
      assertThat(gradients.get(slot))
          .as("%s: gradient of %s is reset", when, name(network, slot))
          .containsOnly(0f);
    }
  }

  private static void assertClose(
      DjlNetwork network, List<float[]> actual, List<double[]> expected, String when) {
    for (int slot = 0; slot < actual.size(); slot++) {
      float[] got = actual.get(slot);
      double[] want = expected.get(slot);
      for (int i = 0; i < got.length; i++) {
        assertThat((double) got[i])
            .as("%s: %s[%d]", when, name(network, slot), i)
            .isCloseTo(want[i], within(2e-6));
      }
    }
  }

  private static String name(DjlNetwork network, int slot) {
    return network.layout().slot(slot).name();
  }
}
