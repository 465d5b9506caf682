package org.movierec.backend.djl;

import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.training.OptimizerKind;

/**
 * The optimizer update of {@link DjlOptimizer} in plain Java, over flat arrays the JVM step holds:
 * {@code torch.optim.Adam} (L2 weight decay added to the gradient, bias-corrected moments, written
 * as DJL's fused update {@code w -= lr' * m / (sqrt(v) + eps')} with the same rescaled {@code lr'}
 * and {@code eps'}), or plain SGD. Like the engine's update it leaves the gradient at zero.
 */
final class DjlJvmOptimizer {

  private final boolean adam;
  private final float beta1;
  private final float beta2;
  private final float oneMinusBeta1;
  private final float oneMinusBeta2;
  private final double beta1Exact;
  private final double beta2Exact;
  private final double epsilon;
  private long step;

  /** This step's scalars. */
  private float rate;

  private float eps;

  /** An optimizer of the configured kind and Adam constants. */
  DjlJvmOptimizer(TrainingConfig config) {
    this.adam = config.optimizer() == OptimizerKind.ADAM;
    double b1 = config.get(Keys.ADAM_BETA1);
    double b2 = config.get(Keys.ADAM_BETA2);
    this.beta1Exact = b1;
    this.beta2Exact = b2;
    this.beta1 = (float) b1;
    this.beta2 = (float) b2;
    this.oneMinusBeta1 = (float) (1 - b1);
    this.oneMinusBeta2 = (float) (1 - b2);
    this.epsilon = config.get(Keys.ADAM_EPSILON);
  }

  /** Whether the update keeps Adam's two moments per value. */
  boolean adam() {
    return adam;
  }

  /** Starts the next update: fixes its step size (Adam's with the bias correction of its count). */
  void begin(double learningRate) {
    step++;
    if (adam) {
      double correction1 = 1 - Math.pow(beta1Exact, step);
      double sqrtCorrection2 = Math.sqrt(1 - Math.pow(beta2Exact, step));
      rate = (float) (learningRate * sqrtCorrection2 / correction1);
      eps = (float) (epsilon * sqrtCorrection2);
    } else {
      rate = (float) learningRate;
    }
  }

  /** The number of updates begun. */
  long steps() {
    return step;
  }

  /**
   * Updates {@code w[0 .. length)} from {@code g} with L2 weight decay {@code decay}, using and
   * advancing Adam's moments {@code m} and {@code v} (unused under SGD), and zeroes {@code g}.
   */
  void update(float[] w, float[] g, float[] m, float[] v, int length, float decay) {
    float r = rate;
    if (adam) {
      float e = eps;
      for (int i = 0; i < length; i++) {
        float weight = w[i];
        float grad = g[i] + decay * weight;
        float first = beta1 * m[i] + oneMinusBeta1 * grad;
        float second = beta2 * v[i] + oneMinusBeta2 * grad * grad;
        m[i] = first;
        v[i] = second;
        w[i] = weight - r * first / ((float) Math.sqrt(second) + e);
        g[i] = 0f;
      }
    } else {
      for (int i = 0; i < length; i++) {
        w[i] -= r * (g[i] + decay * w[i]);
        g[i] = 0f;
      }
    }
  }
}
