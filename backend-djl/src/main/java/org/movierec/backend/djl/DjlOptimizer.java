package org.movierec.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.training.OptimizerKind;

/**
 * Updates a network's parameters from their gradients with one fused engine call per array (each
 * embedding table, and all dense layers at once): Adam as PyTorch's {@code torch.optim.Adam}
 * computes it (L2 weight decay added to the gradient, bias-corrected moments), or plain SGD. Weight
 * decay differs per group: {@code weight_decay} for dense layers, {@code embedding_weight_decay}
 * for the two embedding tables.
 *
 * <p>Each step leaves the gradients at zero for the next backward pass, which would otherwise add
 * to them. The reset is done by the engine: DJL 0.21's {@code adamUpdate} and {@code sgdUpdate}
 * zero the weight's gradient after updating it (PyTorch's {@code zeroGrad}). {@code
 * DjlOptimizerTest} pins that, so an engine whose update stops doing it fails the build instead of
 * silently accumulating gradients.
 */
final class DjlOptimizer implements AutoCloseable {

  private final OptimizerKind kind;
  private final List<NDArray> parameters;
  private final float[] weightDecay;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final NDManager stateManager;
  private final List<NDArray> firstMoments = new ArrayList<>();
  private final List<NDArray> secondMoments = new ArrayList<>();
  private long step;

  /**
   * An optimizer over the parameters a network holds (without its embedding tables when lazy
   * training keeps them on the JVM), keeping its state under a sub-manager of the network's
   * manager.
   */
  DjlOptimizer(DjlNetwork network, TrainingConfig config) {
    this.kind = config.optimizer();
    this.beta1 = config.get(Keys.ADAM_BETA1);
    this.beta2 = config.get(Keys.ADAM_BETA2);
    this.epsilon = config.get(Keys.ADAM_EPSILON);
    List<NDArray> arrays = new ArrayList<>();
    List<DjlNetwork.Trainable> trainables = network.trainables();
    this.weightDecay = new float[trainables.size()];
    for (int i = 0; i < weightDecay.length; i++) {
      DjlNetwork.Trainable trainable = trainables.get(i);
      arrays.add(trainable.array());
      weightDecay[i] =
          (float) (trainable.embedding() ? config.embeddingWeightDecay() : config.weightDecay());
    }
    this.parameters = List.copyOf(arrays);
    this.stateManager = network.manager().newSubManager();
    if (kind == OptimizerKind.ADAM) {
      for (NDArray parameter : parameters) {
        firstMoments.add(stateManager.zeros(parameter.getShape()));
        secondMoments.add(stateManager.zeros(parameter.getShape()));
      }
    }
  }

  /**
   * Applies one update from the gradients the last backward pass left, then zeroes them.
   *
   * @param learningRate this step's learning rate
   */
  void step(double learningRate) {
    step++;
    if (kind == OptimizerKind.ADAM) {
      adamStep(learningRate);
    } else {
      sgdStep(learningRate);
    }
  }

  /**
   * PyTorch's Adam, {@code w -= lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps)}, written as DJL's fused
   * update {@code w -= lr' * m / (sqrt(v) + eps')} with {@code lr' = lr*sqrt(bc2)/bc1} and {@code
   * eps' = eps*sqrt(bc2)}: the same quantity, so the recipe matches the Python original rather than
   * DJL's own Adam, which leaves epsilon uncorrected.
   */
  private void adamStep(double learningRate) {
    double correction1 = 1 - Math.pow(beta1, step);
    double sqrtCorrection2 = Math.sqrt(1 - Math.pow(beta2, step));
    float rate = (float) (learningRate * sqrtCorrection2 / correction1);
    float eps = (float) (epsilon * sqrtCorrection2);
    for (int i = 0; i < parameters.size(); i++) {
      NDArray weight = parameters.get(i);
      try (NDArray gradient = weight.getGradient()) {
        weight
            .getNDArrayInternal()
            .adamUpdate(
                new NDList(weight, gradient, firstMoments.get(i), secondMoments.get(i)),
                new NDList(weight),
                (float) learningRate,
                rate,
                weightDecay[i],
                1f,
                -1f,
                (float) beta1,
                (float) beta2,
                eps,
                false,
                false);
      }
    }
  }

  /** {@code w -= lr * (g + wd * w)}, as PyTorch's SGD without momentum. */
  private void sgdStep(double learningRate) {
    for (int i = 0; i < parameters.size(); i++) {
      NDArray weight = parameters.get(i);
      try (NDArray gradient = weight.getGradient()) {
        weight
            .getNDArrayInternal()
            .sgdUpdate(
                new NDList(weight, gradient),
                new NDList(weight),
                (float) learningRate,
                weightDecay[i],
                1f,
                -1f,
                0f,
                false);
      }
    }
  }

  /** The number of updates applied. */
  long steps() {
    return step;
  }

  @Override
  public void close() {
    stateManager.close();
  }
}
