package org.movierec.backend.djl;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * An embedding table held in a JVM array and trained lazily: a step reads and writes only the rows
 * its batch touches, with their optimizer state, so its cost does not grow with the table. A row
 * that appears several times in a batch has its gradients summed first and is updated once, as
 * PyTorch's {@code SparseAdam} coalesces a sparse gradient. The Adam step on a row is {@code
 * torch.optim.Adam}'s (L2 weight decay added to the gradient, epsilon after the bias correction),
 * with the bias correction of the global step; rows a step does not touch keep their values and
 * moments bit for bit.
 *
 * <p>Not thread-safe: one thread steps a table at a time.
 */
final class DjlLazyTable {

  /**
   * The scalars of one optimizer step, the same for every row.
   *
   * @param learningRate the step's learning rate
   * @param decay L2 weight decay added to a touched row's gradient
   * @param beta1 Adam's first-moment decay
   * @param beta2 Adam's second-moment decay
   * @param epsilon Adam's epsilon, added after the bias correction
   * @param step the one-based number of this optimizer step, for Adam's bias correction
   */
  record Step(
      double learningRate, double decay, double beta1, double beta2, double epsilon, long step) {}

  private final int rows;
  private final int dim;
  private final float[] values;
  private final float[] first;
  private final float[] second;

  /** Per row, its position among this step's touched rows, or -1. */
  private final int[] position;

  private int[] touched;
  private float[] summed;

  /** Per touched row of the begun step, whether it is updated already. */
  private boolean[] applied;

  /** The number of touched rows of the begun step; 0 when no step is begun. */
  private int distinct;

  /** The begun step's scalars, as floats, the same for every row. */
  private float beta1;

  private float beta2;
  private float oneMinusBeta1;
  private float oneMinusBeta2;
  private float decay;
  private float rate;
  private float sqrtCorrection2;
  private float epsilon;

  /**
   * A table over initial values, which it takes over (row-major, {@code rows x dim}).
   *
   * @param adam whether to take Adam steps, keeping two moments per value; otherwise plain SGD
   */
  DjlLazyTable(int rows, int dim, float[] values, boolean adam) {
    if ((long) rows * dim != values.length) {
      throw new IllegalArgumentException(
          values.length + " values do not fill a table of " + rows + " x " + dim);
    }
    this.rows = rows;
    this.dim = dim;
    this.values = values;
    this.first = adam ? new float[values.length] : null;
    this.second = adam ? new float[values.length] : null;
    this.position = new int[rows];
    Arrays.fill(position, -1);
    this.touched = new int[0];
    this.summed = new float[0];
    this.applied = new boolean[0];
  }

  /** The rows. */
  int rows() {
    return rows;
  }

  /** The width of a row. */
  int dim() {
    return dim;
  }

  /** The live values, row-major; read them only while no step runs. */
  float[] values() {
    return values;
  }

  /** Adam's first moments, row-major; empty for SGD. */
  float[] firstMoments() {
    return first == null ? new float[0] : first;
  }

  /** Adam's second moments, row-major; empty for SGD. */
  float[] secondMoments() {
    return second == null ? new float[0] : second;
  }

  /**
   * Copies the rows of a batch into a row-major input matrix: row {@code indices[p]} goes to {@code
   * input[p * width + offset ...]}.
   */
  void gather(int[] indices, int count, FloatBuffer input, int width, int offset) {
    for (int p = 0; p < count; p++) {
      input.put(p * width + offset, values, indices[p] * dim, dim);
    }
  }

  /**
   * Updates the rows of a batch from the gradient of its input matrix: the columns {@code offset ..
   * offset + dim} of {@code gradient[p * width ...]} belong to row {@code indices[p]}.
   *
   * @return the number of distinct rows updated
   */
  int update(int[] indices, int count, float[] gradient, int width, int offset, Step step) {
    int rows = begin(indices, count, gradient, width, offset, step);
    finish();
    return rows;
  }

  /**
   * Begins a step from the gradient of a batch's input matrix (laid out as in {@link #update}):
   * sums it by row, so that {@code gradient} may be overwritten once this returns, and changes no
   * row yet. {@link #applyRows} and {@link #finish} then update the rows, in whatever order: each
   * row is updated once, with the same result.
   *
   * @return the number of distinct rows the step touches
   * @throws IllegalStateException when the previous step is not finished
   */
  int begin(int[] indices, int count, float[] gradient, int width, int offset, Step step) {
    if (distinct > 0) {
      throw new IllegalStateException("the previous step is not finished");
    }
    beta1 = (float) step.beta1();
    beta2 = (float) step.beta2();
    oneMinusBeta1 = (float) (1 - step.beta1());
    oneMinusBeta2 = (float) (1 - step.beta2());
    decay = (float) step.decay();
    epsilon = (float) step.epsilon();
    if (first != null) {
      // Adam's step size carries the first moment's bias correction; SGD's is the rate.
      rate = (float) (step.learningRate() / (1 - Math.pow(step.beta1(), step.step())));
      sqrtCorrection2 = (float) Math.sqrt(1 - Math.pow(step.beta2(), step.step()));
    } else {
      rate = (float) step.learningRate();
    }
    distinct = sumByRow(indices, count, gradient, width, offset);
    return distinct;
  }

  /**
   * Updates now those of the begun step's rows that appear among {@code indices[0 .. count)}: the
   * rows the next batch reads, which it can then gather while the others wait for {@link #finish}.
   */
  void applyRows(int[] indices, int count) {
    for (int p = 0; p < count; p++) {
      int u = position[indices[p]];
      if (u >= 0 && !applied[u]) {
        apply(u);
      }
    }
  }

  /** Updates every row of the begun step not updated yet, and ends the step. */
  void finish() {
    for (int u = 0; u < distinct; u++) {
      if (!applied[u]) {
        apply(u);
      }
      applied[u] = false;
      position[touched[u]] = -1;
    }
    distinct = 0;
  }

  private void apply(int u) {
    if (first != null) {
      adam(u);
    } else {
      sgd(u);
    }
    applied[u] = true;
  }

  /** Sums each touched row's gradients into {@link #summed}, rows in order of first appearance. */
  private int sumByRow(int[] indices, int count, float[] gradient, int width, int offset) {
    if (touched.length < count) {
      touched = new int[count];
      summed = new float[count * dim];
      applied = new boolean[count];
    }
    int distinct = 0;
    for (int p = 0; p < count; p++) {
      int row = indices[p];
      int u = position[row];
      int from = p * width + offset;
      if (u < 0) {
        u = distinct++;
        position[row] = u;
        touched[u] = row;
        System.arraycopy(gradient, from, summed, u * dim, dim);
      } else {
        int to = u * dim;
        for (int k = 0; k < dim; k++) {
          summed[to + k] += gradient[from + k];
        }
      }
    }
    return distinct;
  }

  /** Adam on the {@code u}-th touched row, as {@code torch.optim.Adam} steps one value. */
  private void adam(int u) {
    int base = touched[u] * dim;
    int from = u * dim;
    for (int k = 0; k < dim; k++) {
      int i = base + k;
      float w = values[i];
      float g = summed[from + k] + decay * w;
      float m = beta1 * first[i] + oneMinusBeta1 * g;
      float v = beta2 * second[i] + oneMinusBeta2 * g * g;
      first[i] = m;
      second[i] = v;
      values[i] = w - rate * m / ((float) Math.sqrt(v) / sqrtCorrection2 + epsilon);
    }
  }

  /** Plain SGD with L2 decay on the {@code u}-th touched row. */
  private void sgd(int u) {
    int base = touched[u] * dim;
    int from = u * dim;
    for (int k = 0; k < dim; k++) {
      int i = base + k;
      values[i] -= rate * (summed[from + k] + decay * values[i]);
    }
  }
}
