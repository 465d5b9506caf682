package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.movierec.core.training.LossKind;

/** The loss computed on the JVM gives the engine the gradient the engine's own loss would. */
class DjlObjectiveTest {

  private static final float[] PREDICTED = {3.5f, 1.25f, 4.75f, 2f, 5.5f};
  private static final float[] RATINGS = {4f, 1f, 3f, 2f, 5f, 99f}; // one more than the batch

  @ParameterizedTest
  @EnumSource(LossKind.class)
  void valueAndGradientEqualTheEnginesOwnLoss(LossKind loss) {
    Engine engine = DjlEngine.start(1);
    try (NDManager manager = engine.newBaseManager()) {
      float[] mine;
      float myValue;
      try (GradientCollector collector = engine.newGradientCollector()) {
        NDArray p = predictions(manager);
        DjlTrainingStep.Objective objective = DjlTrainingStep.objective(p, RATINGS, loss);
        myValue = objective.value();
        collector.backward(objective.backwardTarget());
        mine = p.getGradient().toFloatArray();
      }
      float[] engines;
      float enginesValue;
      try (GradientCollector collector = engine.newGradientCollector()) {
        NDArray p = predictions(manager);
        NDArray r = manager.create(new float[] {4f, 1f, 3f, 2f, 5f}, new Shape(5, 1));
        NDArray meanSquare = p.sub(r).square().mean();
        NDArray value = loss == LossKind.RMSE ? meanSquare.sqrt() : meanSquare;
        enginesValue = value.getFloat();
        collector.backward(value);
        engines = p.getGradient().toFloatArray();
      }
      assertThat(myValue).isCloseTo(enginesValue, within(1e-6f));
      for (int i = 0; i < engines.length; i++) {
        assertThat(mine[i]).as("gradient %d", i).isCloseTo(engines[i], within(1e-6f));
      }
      assertThat(mine).isNotEqualTo(new float[mine.length]);
    }
  }

  @Test
  void aPerfectBatchUnderRmseHasAZeroGradientNotNaN() {
    Engine engine = DjlEngine.start(1);
    try (NDManager manager = engine.newBaseManager();
        GradientCollector collector = engine.newGradientCollector()) {
      NDArray p = manager.create(new float[] {4f, 1f}, new Shape(2, 1));
      p.setRequiresGradient(true);
      DjlTrainingStep.Objective objective =
          DjlTrainingStep.objective(p, new float[] {4f, 1f}, LossKind.RMSE);
      collector.backward(objective.backwardTarget());
      assertThat(objective.value()).isZero();
      assertThat(p.getGradient().toFloatArray()).containsExactly(0f, 0f);
    }
  }

  private static NDArray predictions(NDManager manager) {
    NDArray p = manager.create(PREDICTED, new Shape(PREDICTED.length, 1));
    p.setRequiresGradient(true);
    return p;
  }
}
