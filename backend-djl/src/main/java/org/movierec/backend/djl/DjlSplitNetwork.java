package org.movierec.backend.djl;

import org.movierec.model.Activation;
import org.movierec.model.NetworkSpec;

/**
 * A trained network as plain arrays, with its first dense layer split into a user part and a movie
 * part: {@code W·[u;m] + b = W_u·u + (W_m·m + b)}. The movie part of every movie is computed once,
 * here, so that whoever scores a user against many movies (the {@link DjlScorer}) or fits a new
 * user's vector ({@link DjlUserFit}) pays per movie only an addition and the layers after the
 * first. Immutable once built.
 */
final class DjlSplitNetwork {

  /**
   * Movies per block of the movie side, which is also the scorer's block of pairs: long enough that
   * the vector loops dwarf their set-up, short enough that a block's activations stay in the L2
   * cache; BENCHMARKS.md has the block sizes measured.
   */
  static final int BLOCK = 512;

  /**
   * One dense layer after the first.
   *
   * @param weights {@code [units][fanIn]}, row-major as PyTorch stores them
   * @param bias one per unit
   * @param fanIn the previous layer's width
   * @param activation what follows the affine map
   */
  record Layer(float[] weights, float[] bias, int fanIn, Activation activation) {

    /** The number of outputs. */
    int units() {
      return bias.length;
    }
  }

  private final float[] userEmbedding;
  private final int userDim;
  private final int movieCount;
  private final float[] userWeights;
  private final float[] movieSide;
  private final int firstUnits;
  private final Activation firstActivation;
  private final Layer[] rest;
  private final float[] movieEmbedding;

  private DjlSplitNetwork(
      float[] userEmbedding,
      int userDim,
      int movieCount,
      float[] userWeights,
      float[] movieSide,
      Activation firstActivation,
      Layer[] rest,
      float[] movieEmbedding) {
    this.userEmbedding = userEmbedding;
    this.userDim = userDim;
    this.movieCount = movieCount;
    this.userWeights = userWeights;
    this.movieSide = movieSide;
    this.firstUnits = userWeights.length / userDim;
    this.firstActivation = firstActivation;
    this.rest = rest;
    this.movieEmbedding = movieEmbedding;
  }

  /**
   * Splits a spec's parameters; keeps the user embedding by reference and computes the movie side
   * ({@code movies x units} floats).
   */
  static DjlSplitNetwork of(NetworkSpec spec, DjlParameters parameters) {
    DjlLayout layout = parameters.layout();
    int userDim = spec.userEmbedding().dim();
    int movieDim = spec.movieEmbedding().dim();
    float[] movieEmbedding = parameters.get(layout.movieEmbedding()).values();
    int units = spec.layers().get(0).units();
    float[] weights = parameters.get(layout.weight(0)).values();
    int fanIn = spec.fanIn(0);
    float[] userWeights = new float[units * userDim];
    for (int j = 0; j < units; j++) {
      System.arraycopy(weights, j * fanIn, userWeights, j * userDim, userDim);
    }
    float[] movieSide =
        movieSide(
            weights,
            parameters.get(layout.bias(0)).values(),
            userDim,
            fanIn,
            movieEmbedding,
            movieDim);
    Layer[] rest = new Layer[layout.layers() - 1];
    for (int layer = 1; layer < layout.layers(); layer++) {
      rest[layer - 1] =
          new Layer(
              parameters.get(layout.weight(layer)).values(),
              parameters.get(layout.bias(layer)).values(),
              spec.fanIn(layer),
              spec.layers().get(layer).activation());
    }
    return new DjlSplitNetwork(
        parameters.get(layout.userEmbedding()).values(),
        userDim,
        layout.movies(),
        userWeights,
        movieSide,
        spec.layers().get(0).activation(),
        rest,
        spec.embeddingDot() && !spec.hasRankingHead() ? movieEmbedding : null);
  }

  /**
   * Splits a spec's parameters as {@link #of(NetworkSpec, DjlParameters)} does, over the users'
   * vectors with their history added when {@code history} is given (a new user table).
   */
  static DjlSplitNetwork of(NetworkSpec spec, DjlParameters parameters, DjlHistory history) {
    DjlSplitNetwork network = of(spec, parameters);
    if (history == null || !spec.history().usesHistory()) {
      return network;
    }
    DjlLayout layout = parameters.layout();
    return network.withUsers(
        history.userTable(
            parameters.get(layout.userEmbedding()).values(),
            parameters.get(layout.movieEmbedding()).values(),
            spec.userEmbedding().dim()));
  }

  /**
   * The same network ending in its ranking head instead of its output layer: the layers before the
   * output are shared, the last one reads the head's weight and bias from {@code parameters}.
   *
   * @throws IllegalStateException when the spec has no ranking head
   */
  DjlSplitNetwork rankingHead(NetworkSpec spec, DjlParameters parameters) {
    DjlLayout layout = parameters.layout();
    Layer[] head = rest.clone();
    head[head.length - 1] =
        new Layer(
            parameters.get(layout.headWeight()).values(),
            parameters.get(layout.headBias()).values(),
            spec.rankingHeadFanIn(),
            spec.rankingHead().activation());
    return new DjlSplitNetwork(
        userEmbedding,
        userDim,
        movieCount,
        userWeights,
        movieSide,
        firstActivation,
        head,
        spec.embeddingDot() ? parameters.get(layout.movieEmbedding()).values() : null);
  }

  /**
   * The same network over another user table of the same shape, such as the users' vectors with
   * their history added; the movie side is shared.
   */
  DjlSplitNetwork withUsers(float[] users) {
    if (users.length != userEmbedding.length) {
      throw new IllegalArgumentException(
          "a user table of " + users.length + " values for one of " + userEmbedding.length);
    }
    return new DjlSplitNetwork(
        users, userDim, movieCount, userWeights, movieSide, firstActivation, rest, movieEmbedding);
  }

  /**
   * {@code b[j] + sum_k W[j][userDim + k] m[k]} for every movie, in blocks of {@link #BLOCK} movies
   * (see {@link #sideIndex}). The embedding is transposed first so that the inner loop runs over
   * movies with one weight fixed, which the JIT vectorizes.
   */
  private static float[] movieSide(
      float[] weights, float[] bias, int userDim, int fanIn, float[] embedding, int movieDim) {
    int movies = embedding.length / movieDim;
    int units = bias.length;
    float[] transposed = new float[embedding.length];
    for (int movie = 0; movie < movies; movie++) {
      for (int k = 0; k < movieDim; k++) {
        transposed[k * movies + movie] = embedding[movie * movieDim + k];
      }
    }
    int blocks = (movies + BLOCK - 1) / BLOCK;
    float[] side = new float[Math.multiplyExact(blocks * BLOCK, units)];
    for (int start = 0; start < movies; start += BLOCK) {
      int size = Math.min(BLOCK, movies - start);
      for (int j = 0; j < units; j++) {
        int out = sideIndex(units, j, start);
        java.util.Arrays.fill(side, out, out + size, bias[j]);
        for (int k = 0; k < movieDim; k++) {
          float weight = weights[j * fanIn + userDim + k];
          int column = k * movies + start;
          for (int p = 0; p < size; p++) {
            side[out + p] += weight * transposed[column + p];
          }
        }
      }
    }
    return side;
  }

  /**
   * Where the movie side of one unit and movie sits: blocks of {@link #BLOCK} movies, each holding
   * its units one after another, so that the movie side of a block is one contiguous run.
   */
  static int sideIndex(int units, int unit, int movie) {
    return (movie / BLOCK) * units * BLOCK + unit * BLOCK + movie % BLOCK;
  }

  /**
   * The movie embeddings, {@code [movies][userDim]}, when the spec adds their dot product with the
   * user's to the output ({@code embedding_dot}); null otherwise.
   */
  float[] dotMovies() {
    return movieEmbedding;
  }

  /**
   * {@code sum_k user[userOffset + k] * movie[k]} for a movie of {@link #dotMovies()}, summed in
   * index order in float, so that every path gives the same value.
   */
  float dot(float[] users, int userOffset, int movie) {
    float sum = 0f;
    int base = movie * userDim;
    for (int k = 0; k < userDim; k++) {
      sum += users[userOffset + k] * movieEmbedding[base + k];
    }
    return sum;
  }

  /** The trained users' vectors, {@code [users][userDim]}. */
  float[] userEmbedding() {
    return userEmbedding;
  }

  /** The width of a user vector. */
  int userDim() {
    return userDim;
  }

  /** The number of movies. */
  int movieCount() {
    return movieCount;
  }

  /** The first layer's width. */
  int firstUnits() {
    return firstUnits;
  }

  /** The first layer's user columns, {@code [units][userDim]}. */
  float[] userWeights() {
    return userWeights;
  }

  /** The first layer's movie part and bias for every movie, laid out as {@link #sideIndex} says. */
  float[] movieSide() {
    return movieSide;
  }

  /** The first layer's activation. */
  Activation firstActivation() {
    return firstActivation;
  }

  /** The layers after the first, in order; the last has one unit. */
  Layer[] rest() {
    return rest;
  }

  /** The widest vector a forward pass holds: a user vector or any layer's output. */
  int maxWidth() {
    int widest = Math.max(userDim, firstUnits);
    for (Layer layer : rest) {
      widest = Math.max(widest, layer.units());
    }
    return widest;
  }

  /** Applies an activation to {@code values[0..length)} in place. */
  static void activate(float[] values, int length, Activation activation) {
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

  /** An activation of one value, in double precision. */
  static double apply(Activation activation, double x) {
    return switch (activation) {
      case RELU -> Math.max(x, 0);
      case IDENTITY -> x;
      case SIGMOID -> 1 / (1 + Math.exp(-x));
      case TANH -> Math.tanh(x);
    };
  }

  /**
   * The derivative of an activation at the input that produced {@code output}, written in terms of
   * the output, which every supported activation allows.
   */
  static double slope(Activation activation, double output) {
    return switch (activation) {
      case RELU -> output > 0 ? 1 : 0;
      case IDENTITY -> 1;
      case SIGMOID -> output * (1 - output);
      case TANH -> 1 - output * output;
    };
  }
}
