package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.movierec.core.training.LossKind;
import org.movierec.core.training.TrainingObjective;

/**
 * The ranking and joint losses computed on the JVM give the engine the value and gradient that the
 * same mathematics written with engine operations gives.
 */
class DjlLossTest {

  private static final float[] LOGITS = {2.5f, -1f, 0.25f, -30f, 40f};
  private static final float[] LABELS = {1f, 0f, 1f, 0f, 1f};

  @Test
  void ranking_crossEntropy_equalsTheEnginesSoftplusForm() {
    Engine engine = DjlEngine.start(1);
    try (NDManager manager = engine.newBaseManager()) {
      DjlBatch batch = batch(LABELS, new float[LABELS.length]);
      float[] mine;
      float myValue;
      try (GradientCollector collector = engine.newGradientCollector()) {
        NDArray z = variable(manager, LOGITS, new Shape(5, 1));
        DjlTrainingStep.Objective objective =
            new DjlLoss(TrainingObjective.RANKING, LossKind.MSE, 1).compute(z, batch);
        myValue = objective.value();
        collector.backward(objective.backwardTarget());
        mine = z.getGradient().toFloatArray();
      }
      float[] engines;
      float enginesValue;
      try (GradientCollector collector = engine.newGradientCollector()) {
        NDArray z = variable(manager, LOGITS, new Shape(5, 1));
        NDArray y = manager.create(LABELS, new Shape(5, 1));
        // softplus(z) - z y, with softplus(z) = max(z, 0) + log(1 + exp(-|z|))
        NDArray softplus = z.maximum(0).add(z.abs().neg().exp().add(1).log());
        NDArray value = softplus.sub(z.mul(y)).mean();
        enginesValue = value.getFloat();
        collector.backward(value);
        engines = z.getGradient().toFloatArray();
      }
      assertThat(myValue).isCloseTo(enginesValue, within(1e-5f));
      for (int i = 0; i < engines.length; i++) {
        assertThat(mine[i]).as("gradient %d", i).isCloseTo(engines[i], within(1e-6f));
      }
      assertThat(Float.isFinite(myValue)).as("large logits do not overflow").isTrue();
    }
  }

  @Test
  void joint_ratingLossOverPositivesOnlyPlusWeightedCrossEntropy() {
    Engine engine = DjlEngine.start(1);
    float[] outputs = {3.5f, 2f, 9f, -1f, 4f, 0.5f}; // (rating, logit) for three pairs
    float[] labels = {1f, 0f, 1f};
    float[] ratings = {4f, Float.NaN, 3f};
    double weight = 0.5;
    try (NDManager manager = engine.newBaseManager();
        GradientCollector collector = engine.newGradientCollector()) {
      NDArray out = variable(manager, outputs, new Shape(3, 2));
      DjlTrainingStep.Objective objective =
          new DjlLoss(TrainingObjective.JOINT, LossKind.MSE, weight)
              .compute(out, batch(labels, ratings));
      collector.backward(objective.backwardTarget());
      float[] gradient = out.getGradient().toFloatArray();
      double mse = ((3.5 - 4) * (3.5 - 4) + (4 - 3) * (4 - 3)) / 2;
      double bce = (softplus(2) - 2 + softplus(-1) + softplus(0.5) - 0.5) / 3;
      assertThat((double) objective.value()).isCloseTo(mse + weight * bce, within(1e-5));
      assertThat(gradient[0]).isCloseTo((float) (2 * (3.5 - 4) / 2), within(1e-6f));
      assertThat(gradient[2]).as("a negative has no rating to fit").isZero();
      assertThat(gradient[4]).isCloseTo((float) (2 * (4.0 - 3) / 2), within(1e-6f));
      assertThat(gradient[3]).isCloseTo((float) (weight * (sigmoid(-1) - 0) / 3), within(1e-6f));
    }
  }

  private static double softplus(double z) {
    return Math.log1p(Math.exp(z));
  }

  private static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static DjlBatch batch(float[] labels, float[] ratings) {
    DjlBatch batch = new DjlBatch(labels.length);
    batch.fillRaw(new int[labels.length], new int[labels.length], ratings, labels);
    return batch;
  }

  private static NDArray variable(NDManager manager, float[] values, Shape shape) {
    NDArray array = manager.create(values, shape);
    array.setRequiresGradient(true);
    return array;
  }
}
