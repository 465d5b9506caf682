package org.movierec.backend.djl;

import java.util.Arrays;
import org.movierec.core.rank.CatalogThreads;
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
 *
 * <p>A catalog may be scored on several threads ({@link CatalogThreads}): each takes whole blocks,
 * which it scores exactly as one thread would, so the scores do not depend on the thread count.
 */
final class DjlScorer {

  private static final int BLOCK = DjlSplitNetwork.BLOCK;

  private final float[] userEmbedding;
  private final int userDim;
  private final int movieCount;
  private final float[] userWeights;
  private final float[] movieSide;
  private final int firstUnits;
  private final Activation firstActivation;
  private final DjlSplitNetwork.Layer[] rest;
  private final DjlSplitNetwork network;
  private final CatalogThreads catalogThreads;

  /**
   * Per-thread block buffers (input and output, feature-major), reused across calls: a single
   * prediction would otherwise allocate two arrays per feature. One per thread for every scorer,
   * grown to the widest network the thread has scored with: a thread-local per scorer would leave a
   * buffer behind in every pooled thread for every model a long-running server has replaced.
   */
  private static final ThreadLocal<float[][][]> SCRATCH = new ThreadLocal<>();

  private final int maxWidth;

  /**
   * A scorer over a split network, which it reads but does not copy, scoring catalogs on one
   * thread.
   */
  DjlScorer(DjlSplitNetwork network) {
    this(network, CatalogThreads.single());
  }

  /**
   * A scorer over a split network that scores a catalog on up to {@code catalogThreads}' threads.
   */
  DjlScorer(DjlSplitNetwork network, CatalogThreads catalogThreads) {
    this.userEmbedding = network.userEmbedding();
    this.userDim = network.userDim();
    this.movieCount = network.movieCount();
    this.userWeights = network.userWeights();
    this.movieSide = network.movieSide();
    this.firstUnits = network.firstUnits();
    this.firstActivation = network.firstActivation();
    this.rest = network.rest();
    this.maxWidth = network.maxWidth();
    this.network = network;
    this.catalogThreads = catalogThreads;
  }

  /** A scorer over a spec's parameters; see {@link DjlSplitNetwork#of}. */
  DjlScorer(NetworkSpec spec, DjlParameters parameters) {
    this(DjlSplitNetwork.of(spec, parameters));
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
    float[][][] buffers = buffers();
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
    catalogThreads.forEachChunk(
        movieCount, BLOCK, (from, to) -> scoreMovies(users, userOffset, userPart, from, to, out));
  }

  /**
   * Scores the movies {@code [from, to)} for a user whose first-layer user part is {@code
   * userPart}, block by block from {@code from}, a multiple of the block size.
   */
  private void scoreMovies(
      float[] users, int userOffset, float[] userPart, int from, int to, float[] out) {
    float[][][] buffers = buffers();
    float[][] input = buffers[0];
    float[][] output = buffers[1];
    for (int start = from; start < to; start += BLOCK) {
      int size = Math.min(BLOCK, to - start);
      for (int j = 0; j < firstUnits; j++) {
        float[] row = input[j];
        float part = userPart[j];
        int side = DjlSplitNetwork.sideIndex(firstUnits, j, start);
        for (int p = 0; p < size; p++) {
          row[p] = part + movieSide[side + p];
        }
        DjlSplitNetwork.activate(row, size, firstActivation);
      }
      System.arraycopy(restLayers(input, output, size)[0], 0, out, start, size);
      if (network.dotMovies() != null) {
        for (int p = 0; p < size; p++) {
          out[start + p] += network.dot(users, userOffset, start + p);
        }
      }
    }
  }

  /**
   * Scores pairs whose user vectors are rows of {@code users} ({@code userRows[i]}), or the single
   * vector {@code users} when {@code userRows} is null.
   */
  private void scorePairs(float[] users, int[] userRows, int[] movies, int count, float[] out) {
    float[][][] buffers = buffers();
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
        for (int p = 0; p < size; p++) {
          row[p] = row[p] + movieSide[DjlSplitNetwork.sideIndex(firstUnits, j, movies[start + p])];
        }
        DjlSplitNetwork.activate(row, size, firstActivation);
      }
      System.arraycopy(restLayers(output, input, size)[0], 0, out, start, size);
      if (network.dotMovies() != null) {
        for (int p = 0; p < size; p++) {
          int offset = userRows == null ? 0 : userRows[start + p] * userDim;
          out[start + p] += network.dot(users, offset, movies[start + p]);
        }
      }
    }
  }

  /** {@code y[j] = sum_k W_u[j][k] x[k]}, summed from zero in index order. */
  private void userPart(float[][] x, float[][] y, int size) {
    for (int j = 0; j < firstUnits; j++) {
      Arrays.fill(y[j], 0, size, 0f);
    }
    accumulate(userWeights, userDim, firstUnits, x, y, size);
  }

  /** Runs the layers after the first; returns the buffer holding the output. */
  private float[][] restLayers(float[][] x, float[][] y, int size) {
    for (DjlSplitNetwork.Layer layer : rest) {
      for (int j = 0; j < layer.units(); j++) {
        Arrays.fill(y[j], 0, size, layer.bias()[j]);
      }
      accumulate(layer.weights(), layer.fanIn(), layer.units(), x, y, size);
      for (int j = 0; j < layer.units(); j++) {
        DjlSplitNetwork.activate(y[j], size, layer.activation());
      }
      float[][] swap = x;
      x = y;
      y = swap;
    }
    return x;
  }

  /**
   * {@code y[j][p] += sum_k w[j][k] x[k][p]} for a layer of {@code units} rows, each output's terms
   * added in index order ({@link DjlJvmProducts#multiply}, the training step's product too).
   */
  private static void accumulate(
      float[] w, int fanIn, int units, float[][] x, float[][] y, int size) {
    DjlJvmProducts.multiply(w, 0, fanIn, units, x, y, size);
  }

  /** This thread's block buffers, at least as wide as this scorer's widest layer. */
  private float[][][] buffers() {
    float[][][] buffers = SCRATCH.get();
    if (buffers == null || buffers[0].length < maxWidth) {
      buffers = new float[2][maxWidth][BLOCK];
      SCRATCH.set(buffers);
    }
    return buffers;
  }

  /** This thread's block buffers as they stand, for tests; null before it has scored. */
  static float[][][] threadBuffers() {
    return SCRATCH.get();
  }

  private void requireUserVector(float[] user) {
    if (user.length != userDim) {
      throw new IllegalArgumentException(
          "a user vector has " + userDim + " values, got " + user.length);
    }
  }
}
