package org.movierec.backend.djl;

import org.movierec.model.Activation;
import org.movierec.model.NetworkSpec;

/**
 * The network's forward pass in plain Java over immutable parameter arrays: the same mathematics as
 * the engine's, without native calls, so scoring is thread-safe by construction and cheap for the
 * small batches a recommender serves. Pairs are scored in blocks laid out feature-major, so that
 * the inner loop runs over the pairs of a block with one weight held fixed: a long, independent
 * loop the JIT turns into vector instructions. Each output still sums its inputs in index order, as
 * a per-pair loop would.
 */
final class DjlScorer {

  /** Pairs per block: long enough for vector loops, small enough to stay in the L1/L2 cache. */
  private static final int BLOCK = 128;

  private final float[] userEmbedding;
  private final int userDim;
  private final float[] movieEmbedding;
  private final int movieDim;
  private final float[][] weights;
  private final float[][] biases;
  private final int[] fanIns;
  private final int[] widths;
  private final Activation[] activations;
  private final int maxWidth;

  /**
   * Per-thread block buffers (input and output, feature-major), reused across calls: a single
   * prediction would otherwise allocate two arrays per feature.
   */
  private final ThreadLocal<float[][][]> scratch;

  /** A scorer over a spec's parameters, which it reads but does not copy. */
  DjlScorer(NetworkSpec spec, DjlParameters parameters) {
    DjlLayout layout = parameters.layout();
    this.userEmbedding = parameters.get(layout.userEmbedding()).values();
    this.userDim = spec.userEmbedding().dim();
    this.movieEmbedding = parameters.get(layout.movieEmbedding()).values();
    this.movieDim = spec.movieEmbedding().dim();
    int layers = spec.layers().size();
    this.weights = new float[layers][];
    this.biases = new float[layers][];
    this.fanIns = new int[layers];
    this.widths = new int[layers];
    this.activations = new Activation[layers];
    int widest = spec.inputWidth();
    for (int layer = 0; layer < layers; layer++) {
      widths[layer] = spec.layers().get(layer).units();
      fanIns[layer] = spec.fanIn(layer);
      activations[layer] = spec.layers().get(layer).activation();
      weights[layer] = parameters.get(layout.weight(layer)).values();
      biases[layer] = parameters.get(layout.bias(layer)).values();
      widest = Math.max(widest, widths[layer]);
    }
    this.maxWidth = widest;
    this.scratch = ThreadLocal.withInitial(() -> new float[2][maxWidth][BLOCK]);
  }

  /** Scores {@code count} pairs of dense indices into {@code out}, before clipping. */
  void score(int[] users, int[] movies, int count, float[] out) {
    float[][][] buffers = scratch.get();
    float[][] input = buffers[0];
    float[][] output = buffers[1];
    for (int start = 0; start < count; start += BLOCK) {
      int size = Math.min(BLOCK, count - start);
      gather(users, movies, start, size, input);
      float[][] x = input;
      float[][] y = output;
      for (int layer = 0; layer < widths.length; layer++) {
        dense(layer, x, y, size);
        float[][] swap = x;
        x = y;
        y = swap;
      }
      System.arraycopy(x[0], 0, out, start, size);
    }
  }

  /** Writes the concatenated embeddings of a block's pairs feature-major into {@code input}. */
  private void gather(int[] users, int[] movies, int start, int size, float[][] input) {
    for (int p = 0; p < size; p++) {
      int userRow = users[start + p] * userDim;
      for (int k = 0; k < userDim; k++) {
        input[k][p] = userEmbedding[userRow + k];
      }
      int movieRow = movies[start + p] * movieDim;
      for (int k = 0; k < movieDim; k++) {
        input[userDim + k][p] = movieEmbedding[movieRow + k];
      }
    }
  }

  /** One layer over a block: {@code y[j] = activation(b[j] + sum_k W[j][k] x[k])}. */
  private void dense(int layer, float[][] x, float[][] y, int size) {
    int fanIn = fanIns[layer];
    float[] w = weights[layer];
    float[] b = biases[layer];
    for (int j = 0; j < widths[layer]; j++) {
      float[] row = y[j];
      java.util.Arrays.fill(row, 0, size, b[j]);
      int offset = j * fanIn;
      for (int k = 0; k < fanIn; k++) {
        float weight = w[offset + k];
        float[] column = x[k];
        for (int p = 0; p < size; p++) {
          row[p] += weight * column[p];
        }
      }
      activate(row, size, activations[layer]);
    }
  }

  private static void activate(float[] values, int length, Activation activation) {
    switch (activation) {
      case RELU -> {
        for (int p = 0; p < length; p++) {
          values[p] = Math.max(values[p], 0f);
        }
      }
      case IDENTITY -> {}
      case SIGMOID -> {
        for (int p = 0; p < length; p++) {
          values[p] = (float) (1 / (1 + Math.exp(-values[p])));
        }
      }
      case TANH -> {
        for (int p = 0; p < length; p++) {
          values[p] = (float) Math.tanh(values[p]);
        }
      }
    }
  }
}
