package org.movierec.backend.djl;

import org.movierec.model.Activation;
import org.movierec.model.NetworkSpec;

/**
 * The network's forward pass in plain Java over immutable parameter arrays: the same mathematics as
 * the engine's, without native calls, so scoring is thread-safe by construction and cheap for the
 * small batches a recommender serves. Weights are kept transposed so that each input value updates
 * a contiguous run of outputs, a loop the JIT turns into vector instructions.
 */
final class DjlScorer {

  private final float[] userEmbedding;
  private final int userDim;
  private final float[] movieEmbedding;
  private final int movieDim;
  private final float[][] transposedWeights;
  private final float[][] biases;
  private final int[] fanIns;
  private final int[] widths;
  private final Activation[] activations;
  private final int maxWidth;

  /** A scorer over a spec's parameters, which it reads but does not copy except the weights. */
  DjlScorer(NetworkSpec spec, DjlParameters parameters) {
    this.userEmbedding = parameters.get(0).values();
    this.userDim = spec.userEmbedding().dim();
    this.movieEmbedding = parameters.get(1).values();
    this.movieDim = spec.movieEmbedding().dim();
    int layers = spec.layers().size();
    this.transposedWeights = new float[layers][];
    this.biases = new float[layers][];
    this.fanIns = new int[layers];
    this.widths = new int[layers];
    this.activations = new Activation[layers];
    int widest = spec.inputWidth();
    for (int layer = 0; layer < layers; layer++) {
      widths[layer] = spec.layers().get(layer).units();
      fanIns[layer] = spec.fanIn(layer);
      activations[layer] = spec.layers().get(layer).activation();
      transposedWeights[layer] =
          transpose(parameters.get(2 + 2 * layer).values(), widths[layer], fanIns[layer]);
      biases[layer] = parameters.get(3 + 2 * layer).values();
      widest = Math.max(widest, widths[layer]);
    }
    this.maxWidth = widest;
  }

  /** Scores {@code count} pairs of dense indices into {@code out}, before clipping. */
  void score(int[] users, int[] movies, int count, float[] out) {
    float[] input = new float[maxWidth];
    float[] output = new float[maxWidth];
    int last = widths.length - 1;
    for (int i = 0; i < count; i++) {
      System.arraycopy(userEmbedding, users[i] * userDim, input, 0, userDim);
      System.arraycopy(movieEmbedding, movies[i] * movieDim, input, userDim, movieDim);
      for (int layer = 0; layer <= last; layer++) {
        dense(layer, input, output);
        float[] swap = input;
        input = output;
        output = swap;
      }
      out[i] = input[0];
    }
  }

  /** One layer: {@code out = activation(W x + b)} over the transposed weight. */
  private void dense(int layer, float[] in, float[] out) {
    int units = widths[layer];
    int fanIn = fanIns[layer];
    float[] weights = transposedWeights[layer];
    System.arraycopy(biases[layer], 0, out, 0, units);
    for (int k = 0; k < fanIn; k++) {
      float x = in[k];
      if (x == 0f) {
        continue;
      }
      int row = k * units;
      for (int j = 0; j < units; j++) {
        out[j] += weights[row + j] * x;
      }
    }
    activate(out, units, activations[layer]);
  }

  private static void activate(float[] values, int length, Activation activation) {
    switch (activation) {
      case RELU -> {
        for (int j = 0; j < length; j++) {
          values[j] = Math.max(values[j], 0f);
        }
      }
      case IDENTITY -> {}
      case SIGMOID -> {
        for (int j = 0; j < length; j++) {
          values[j] = (float) (1 / (1 + Math.exp(-values[j])));
        }
      }
      case TANH -> {
        for (int j = 0; j < length; j++) {
          values[j] = (float) Math.tanh(values[j]);
        }
      }
    }
  }

  /** {@code [rows, cols]} row-major to {@code [cols, rows]} row-major. */
  private static float[] transpose(float[] matrix, int rows, int cols) {
    float[] transposed = new float[matrix.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        transposed[c * rows + r] = matrix[r * cols + c];
      }
    }
    return transposed;
  }
}
