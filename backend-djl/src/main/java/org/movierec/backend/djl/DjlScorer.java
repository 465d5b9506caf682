package org.movierec.backend.djl;

import java.util.Arrays;
import org.movierec.model.Activation;
import org.movierec.model.NetworkSpec;

/**
 * The network's forward pass in plain Java over immutable parameter arrays: the same mathematics as
 * the engine's, without native calls, so scoring is thread-safe by construction and cheap for the
 * small batches a recommender serves.
 *
 * <p>The first dense layer is split in two: {@code W·[u;m] + b = W_u·u + (W_m·m + b)}. The movie
 * part of every movie is computed once, here, so scoring a user against the whole catalog costs one
 * small product for the user and then, per movie, an addition and the remaining layers. Pairs are
 * scored in blocks laid out feature-major, so that the inner loops run over the pairs of a block
 * with one weight held fixed: long, independent loops the JIT turns into vector instructions. Both
 * paths, pairs and catalog, perform the same floating-point operations in the same order, so a
 * recommendation's score equals the prediction of the same pair bit for bit.
 */
final class DjlScorer {

  /** Pairs per block: long enough for vector loops, small enough to stay in the L1/L2 cache. */
  private static final int BLOCK = 128;

  private final float[] userEmbedding;
  private final int userDim;
  private final int movieCount;

  /** The first layer's user columns, {@code [units][userDim]}. */
  private final float[] userWeights;

  /**
   * {@code W_m·m + b} of the first layer for every movie, feature-major: {@code [units][movies]}.
   */
  private final float[] movieSide;

  private final int firstUnits;
  private final Activation firstActivation;
  private final DenseLayer[] rest;
  private final int maxWidth;

  /**
   * Per-thread block buffers (input and output, feature-major), reused across calls: a single
   * prediction would otherwise allocate two arrays per feature.
   */
  private final ThreadLocal<float[][][]> scratch;

  /** One dense layer after the first: weights {@code [units][fanIn]}, bias and activation. */
  private record DenseLayer(float[] weights, float[] bias, int fanIn, Activation activation) {

    int units() {
      return bias.length;
    }
  }

  /**
   * A scorer over a spec's parameters; it keeps the user embedding by reference and precomputes the
   * movie side of the first layer ({@code movies x units} floats).
   */
  DjlScorer(NetworkSpec spec, DjlParameters parameters) {
    this.userEmbedding = parameters.get(0).values();
    this.userDim = spec.userEmbedding().dim();
    int movieDim = spec.movieEmbedding().dim();
    float[] movieEmbedding = parameters.get(1).values();
    this.movieCount = movieEmbedding.length / movieDim;
    int layers = spec.layers().size();
    this.firstUnits = spec.layers().get(0).units();
    this.firstActivation = spec.layers().get(0).activation();
    float[] firstWeights = parameters.get(2).values();
    float[] firstBias = parameters.get(3).values();
    int fanIn = spec.fanIn(0);
    this.userWeights = new float[firstUnits * userDim];
    for (int j = 0; j < firstUnits; j++) {
      System.arraycopy(firstWeights, j * fanIn, userWeights, j * userDim, userDim);
    }
    this.movieSide = movieSide(firstWeights, firstBias, fanIn, movieEmbedding, movieDim);
    this.rest = new DenseLayer[layers - 1];
    int widest = Math.max(userDim, firstUnits);
    for (int layer = 1; layer < layers; layer++) {
      rest[layer - 1] =
          new DenseLayer(
              parameters.get(2 + 2 * layer).values(),
              parameters.get(3 + 2 * layer).values(),
              spec.fanIn(layer),
              spec.layers().get(layer).activation());
      widest = Math.max(widest, spec.layers().get(layer).units());
    }
    this.maxWidth = widest;
    this.scratch = ThreadLocal.withInitial(() -> new float[2][maxWidth][BLOCK]);
  }

  /** {@code b[j] + sum_k W[j][userDim + k] m[k]} for every movie, feature-major. */
  private float[] movieSide(
      float[] weights, float[] bias, int fanIn, float[] movieEmbedding, int movieDim) {
    float[] side = new float[firstUnits * movieCount];
    for (int j = 0; j < firstUnits; j++) {
      int offset = j * fanIn + userDim;
      int out = j * movieCount;
      for (int movie = 0; movie < movieCount; movie++) {
        int row = movie * movieDim;
        float sum = bias[j];
        for (int k = 0; k < movieDim; k++) {
          sum += weights[offset + k] * movieEmbedding[row + k];
        }
        side[out + movie] = sum;
      }
    }
    return side;
  }

  /** The number of movies this scorer covers. */
  int movieCount() {
    return movieCount;
  }

  /** The width of a user vector. */
  int userDim() {
    return userDim;
  }

  /** Scores {@code count} pairs of dense indices into {@code out}, before clipping. */
  void score(int[] users, int[] movies, int count, float[] out) {
    scorePairs(userEmbedding, users, movies, count, out);
  }

  /**
   * Scores one user vector, such as a fitted new user's, against {@code count} dense movie indices
   * into {@code out}, before clipping.
   */
  void score(float[] user, int[] movies, int count, float[] out) {
    requireUserVector(user);
    scorePairs(user, null, movies, count, out);
  }

  /** Scores a known user against every movie, {@code out[movie]} by dense index. */
  void scoreCatalog(int denseUser, float[] out) {
    scoreCatalog(userEmbedding, denseUser * userDim, out);
  }

  /** Scores a user vector against every movie, {@code out[movie]} by dense index. */
  void scoreCatalog(float[] user, float[] out) {
    requireUserVector(user);
    scoreCatalog(user, 0, out);
  }

  private void scoreCatalog(float[] users, int userOffset, float[] out) {
    if (out.length < movieCount) {
      throw new IllegalArgumentException(
          "catalog output holds " + out.length + " scores, needs " + movieCount);
    }
    float[][][] buffers = scratch.get();
    float[][] input = buffers[0];
    float[][] output = buffers[1];
    for (int k = 0; k < userDim; k++) {
      input[k][0] = users[userOffset + k];
    }
    userPart(input, output, 1);
    float[] userPart = new float[firstUnits];
    for (int j = 0; j < firstUnits; j++) {
      userPart[j] = output[j][0];
    }
    for (int start = 0; start < movieCount; start += BLOCK) {
      int size = Math.min(BLOCK, movieCount - start);
      for (int j = 0; j < firstUnits; j++) {
        float[] row = input[j];
        float part = userPart[j];
        int side = j * movieCount + start;
        for (int p = 0; p < size; p++) {
          row[p] = part + movieSide[side + p];
        }
        activate(row, size, firstActivation);
      }
      System.arraycopy(restLayers(input, output, size)[0], 0, out, start, size);
    }
  }

  /**
   * Scores pairs whose user vectors are rows of {@code users} ({@code userRows[i]}), or the single
   * vector {@code users} when {@code userRows} is null.
   */
  private void scorePairs(float[] users, int[] userRows, int[] movies, int count, float[] out) {
    float[][][] buffers = scratch.get();
    float[][] input = buffers[0];
    float[][] output = buffers[1];
    for (int start = 0; start < count; start += BLOCK) {
      int size = Math.min(BLOCK, count - start);
      for (int p = 0; p < size; p++) {
        int offset = userRows == null ? 0 : userRows[start + p] * userDim;
        for (int k = 0; k < userDim; k++) {
          input[k][p] = users[offset + k];
        }
      }
      userPart(input, output, size);
      for (int j = 0; j < firstUnits; j++) {
        float[] row = output[j];
        int side = j * movieCount;
        for (int p = 0; p < size; p++) {
          row[p] = row[p] + movieSide[side + movies[start + p]];
        }
        activate(row, size, firstActivation);
      }
      System.arraycopy(restLayers(output, input, size)[0], 0, out, start, size);
    }
  }

  /** {@code y[j] = sum_k W_u[j][k] x[k]}, summed from zero in index order. */
  private void userPart(float[][] x, float[][] y, int size) {
    for (int j = 0; j < firstUnits; j++) {
      Arrays.fill(y[j], 0, size, 0f);
      accumulate(userWeights, j * userDim, userDim, x, y[j], size);
    }
  }

  /** Runs the layers after the first; returns the buffer holding the output. */
  private float[][] restLayers(float[][] x, float[][] y, int size) {
    for (DenseLayer layer : rest) {
      for (int j = 0; j < layer.units(); j++) {
        float[] row = y[j];
        Arrays.fill(row, 0, size, layer.bias()[j]);
        accumulate(layer.weights(), j * layer.fanIn(), layer.fanIn(), x, row, size);
        activate(row, size, layer.activation());
      }
      float[][] swap = x;
      x = y;
      y = swap;
    }
    return x;
  }

  /**
   * {@code row[p] += sum_k w[offset + k] x[k][p]}, adding the terms in index order. Four inputs per
   * pass over the row cut its loads and stores by four; Java neither reassociates nor fuses the
   * sum, so the result is the same as one input per pass.
   */
  private static void accumulate(
      float[] w, int offset, int fanIn, float[][] x, float[] row, int size) {
    int k = 0;
    for (; k + 4 <= fanIn; k += 4) {
      float w0 = w[offset + k];
      float w1 = w[offset + k + 1];
      float w2 = w[offset + k + 2];
      float w3 = w[offset + k + 3];
      float[] x0 = x[k];
      float[] x1 = x[k + 1];
      float[] x2 = x[k + 2];
      float[] x3 = x[k + 3];
      for (int p = 0; p < size; p++) {
        row[p] = row[p] + w0 * x0[p] + w1 * x1[p] + w2 * x2[p] + w3 * x3[p];
      }
    }
    for (; k < fanIn; k++) {
      float weight = w[offset + k];
      float[] column = x[k];
      for (int p = 0; p < size; p++) {
        row[p] += weight * column[p];
      }
    }
  }

  private void requireUserVector(float[] user) {
    if (user.length != userDim) {
      throw new IllegalArgumentException(
          "a user vector has " + userDim + " values, got " + user.length);
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
