package org.movierec.backend.djl;

import org.movierec.model.Activation;

/**
 * Fits the vector of a user the network never trained on to a few of their ratings, with every
 * trained parameter frozen (fold-in). The fit is the most probable vector under a Gaussian prior
 * taken from the trained users' vectors (their mean and per-dimension variance) and Gaussian rating
 * noise: it minimizes {@code sum_i (f(u, m_i) - r_i)^2 + noise * sum_d (u_d - mean_d)^2 / var_d}. A
 * user with one rating stays near the average user; one with many is fitted closely.
 *
 * <p>The minimizer is Levenberg-Marquardt: each step backpropagates through the layers in plain
 * Java for the gradient of every rated movie's score with respect to the user vector, then solves a
 * {@code userDim x userDim} system. It needs no learning rate and converges in a few dozen steps; a
 * call allocates its own buffers, so any number of threads may fit at once.
 */
final class DjlUserFit {

  /** The most steps taken; the fit usually converges in far fewer. */
  static final int MAX_STEPS = 50;

  /** A step that lowers the objective by less than this share of it ends the fit. */
  private static final double CONVERGED = 1e-6;

  /** Damping beyond which no step can lower the objective any more. */
  private static final double MAX_DAMPING = 1e12;

  /** Floor on a prior variance, so that a dimension every user shares does not divide by zero. */
  private static final double MIN_VARIANCE = 1e-8;

  private final DjlSplitNetwork network;
  private final int dim;
  private final double[] priorMean;
  private final double[] priorPrecision;

  /**
   * A fitter for one network.
   *
   * @param noiseVariance the variance of a rating around the network's prediction, in squared
   *     rating units: how much a rating is trusted against the prior
   */
  DjlUserFit(DjlSplitNetwork network, double noiseVariance) {
    if (!(noiseVariance > 0) || Double.isInfinite(noiseVariance)) {
      throw new IllegalArgumentException("noise variance must be positive, got " + noiseVariance);
    }
    this.network = network;
    this.dim = network.userDim();
    float[] users = network.userEmbedding();
    int count = users.length / dim;
    this.priorMean = new double[dim];
    double[] squares = new double[dim];
    for (int user = 0; user < count; user++) {
      for (int d = 0; d < dim; d++) {
        double value = users[user * dim + d];
        priorMean[d] += value;
        squares[d] += value * value;
      }
    }
    this.priorPrecision = new double[dim];
    for (int d = 0; d < dim; d++) {
      priorMean[d] /= Math.max(1, count);
      double variance = squares[d] / Math.max(1, count) - priorMean[d] * priorMean[d];
      priorPrecision[d] = noiseVariance / Math.max(variance, MIN_VARIANCE);
    }
  }

  /** The mean row of a row-major table of vectors of {@code dim} values. */
  static float[] mean(float[] table, int dim) {
    int count = table.length / dim;
    double[] sum = new double[dim];
    for (int row = 0; row < count; row++) {
      for (int d = 0; d < dim; d++) {
        sum[d] += table[row * dim + d];
      }
    }
    for (int d = 0; d < dim; d++) {
      sum[d] /= Math.max(1, count);
    }
    return toFloats(sum);
  }

  /** The prior's mean: the vector of a user with no ratings. */
  float[] priorMean() {
    return toFloats(priorMean);
  }

  /**
   * The fitted vector of a user who gave {@code ratings[i]} to dense movie {@code movies[i]}.
   *
   * @return a vector of {@link DjlSplitNetwork#userDim()} values
   */
  float[] fit(int[] movies, float[] ratings) {
    if (movies.length != ratings.length) {
      throw new IllegalArgumentException(
          movies.length + " movies but " + ratings.length + " ratings");
    }
    int n = movies.length;
    double[] user = priorMean.clone();
    double[] residuals = new double[n];
    double[] jacobian = new double[n * dim];
    double objective = residuals(user, movies, ratings, residuals, jacobian);
    double damping = 1e-3;
    double[] normal = new double[dim * dim];
    double[] gradient = new double[dim];
    double[] step = new double[dim];
    double[] trial = new double[dim];
    for (int iteration = 0; iteration < MAX_STEPS; iteration++) {
      normalEquations(user, residuals, jacobian, n, normal, gradient);
      double lowered = Double.NaN;
      while (damping < MAX_DAMPING) {
        solveDamped(normal, gradient, damping, step);
        for (int d = 0; d < dim; d++) {
          trial[d] = user[d] - step[d];
        }
        lowered = residuals(trial, movies, ratings, null, null);
        if (lowered < objective) {
          break;
        }
        damping *= 4;
      }
      if (!(lowered < objective)) {
        break;
      }
      double gain = objective - lowered;
      System.arraycopy(trial, 0, user, 0, dim);
      damping = Math.max(damping / 3, 1e-12);
      objective = residuals(user, movies, ratings, residuals, jacobian);
      if (gain <= CONVERGED * objective) {
        break;
      }
    }
    return toFloats(user);
  }

  /**
   * The objective at {@code user}; fills the residuals {@code f(u, m_i) - r_i} and, when {@code
   * jacobian} is given, the gradient of each score with respect to the user vector ({@code
   * [n][dim]}).
   */
  double residuals(
      double[] user, int[] movies, float[] ratings, double[] residuals, double[] jacobian) {
    int units = network.firstUnits();
    float[] userWeights = network.userWeights();
    double[] userPart = new double[units];
    for (int j = 0; j < units; j++) {
      double sum = 0;
      for (int k = 0; k < dim; k++) {
        sum += userWeights[j * dim + k] * user[k];
      }
      userPart[j] = sum;
    }
    DjlSplitNetwork.Layer[] rest = network.rest();
    double[][] outputs = new double[rest.length + 1][];
    outputs[0] = new double[units];
    for (int l = 0; l < rest.length; l++) {
      outputs[l + 1] = new double[rest[l].units()];
    }
    double[] delta = new double[network.maxWidth()];
    double[] previous = new double[network.maxWidth()];
    float[] movieSide = network.movieSide();
    double objective = 0;
    for (int i = 0; i < movies.length; i++) {
      for (int j = 0; j < units; j++) {
        outputs[0][j] =
            DjlSplitNetwork.apply(
                network.firstActivation(),
                userPart[j] + movieSide[DjlSplitNetwork.sideIndex(units, j, movies[i])]);
      }
      for (int l = 0; l < rest.length; l++) {
        forward(rest[l], outputs[l], outputs[l + 1]);
      }
      double score = outputs[rest.length][0];
      float[] dotMovies = network.dotMovies();
      if (dotMovies != null) {
        for (int k = 0; k < dim; k++) {
          score += user[k] * dotMovies[movies[i] * dim + k];
        }
      }
      double residual = score - ratings[i];
      objective += residual * residual;
      if (residuals != null) {
        residuals[i] = residual;
      }
      if (jacobian != null) {
        backward(outputs, delta, previous);
        for (int k = 0; k < dim; k++) {
          double sum = 0;
          for (int j = 0; j < units; j++) {
            sum += userWeights[j * dim + k] * delta[j];
          }
          jacobian[i * dim + k] = sum + (dotMovies == null ? 0 : dotMovies[movies[i] * dim + k]);
        }
      }
    }
    for (int d = 0; d < dim; d++) {
      double offset = user[d] - priorMean[d];
      objective += priorPrecision[d] * offset * offset;
    }
    return objective;
  }

  /** One dense layer on doubles: {@code out[j] = act(b[j] + sum_k W[j][k] in[k])}. */
  private static void forward(DjlSplitNetwork.Layer layer, double[] in, double[] out) {
    float[] w = layer.weights();
    int fanIn = layer.fanIn();
    for (int j = 0; j < layer.units(); j++) {
      double sum = layer.bias()[j];
      for (int k = 0; k < fanIn; k++) {
        sum += w[j * fanIn + k] * in[k];
      }
      out[j] = DjlSplitNetwork.apply(layer.activation(), sum);
    }
  }

  /**
   * Backpropagates a unit gradient from the output to the first layer's pre-activations, leaving
   * them in {@code delta[0..firstUnits)}.
   */
  private void backward(double[][] outputs, double[] delta, double[] previous) {
    DjlSplitNetwork.Layer[] rest = network.rest();
    Activation last =
        rest.length == 0 ? network.firstActivation() : rest[rest.length - 1].activation();
    delta[0] = DjlSplitNetwork.slope(last, outputs[rest.length][0]);
    for (int l = rest.length - 1; l >= 0; l--) {
      DjlSplitNetwork.Layer layer = rest[l];
      Activation below = l == 0 ? network.firstActivation() : rest[l - 1].activation();
      float[] w = layer.weights();
      int fanIn = layer.fanIn();
      for (int k = 0; k < fanIn; k++) {
        double sum = 0;
        for (int j = 0; j < layer.units(); j++) {
          sum += w[j * fanIn + k] * delta[j];
        }
        previous[k] = sum * DjlSplitNetwork.slope(below, outputs[l][k]);
      }
      System.arraycopy(previous, 0, delta, 0, fanIn);
    }
  }

  /** {@code JᵀJ + diag(prior)} and the objective's half-gradient {@code Jᵀr + prior(u - mean)}. */
  private void normalEquations(
      double[] user, double[] residuals, double[] jacobian, int n, double[] normal, double[] g) {
    for (int a = 0; a < dim; a++) {
      g[a] = priorPrecision[a] * (user[a] - priorMean[a]);
      for (int b = 0; b <= a; b++) {
        double sum = a == b ? priorPrecision[a] : 0;
        for (int i = 0; i < n; i++) {
          sum += jacobian[i * dim + a] * jacobian[i * dim + b];
        }
        normal[a * dim + b] = sum;
        normal[b * dim + a] = sum;
      }
      for (int i = 0; i < n; i++) {
        g[a] += jacobian[i * dim + a] * residuals[i];
      }
    }
  }

  /**
   * Solves {@code (A + damping·diag(A)) step = g} by Cholesky; {@code A} is positive definite since
   * its diagonal carries the prior's precision.
   */
  private void solveDamped(double[] normal, double[] g, double damping, double[] step) {
    double[] l = new double[dim * dim];
    for (int a = 0; a < dim; a++) {
      for (int b = 0; b <= a; b++) {
        double sum = normal[a * dim + b] * (a == b ? 1 + damping : 1);
        for (int k = 0; k < b; k++) {
          sum -= l[a * dim + k] * l[b * dim + k];
        }
        l[a * dim + b] =
            a == b ? Math.sqrt(Math.max(sum, Double.MIN_NORMAL)) : sum / l[b * dim + b];
      }
    }
    for (int a = 0; a < dim; a++) {
      double sum = g[a];
      for (int k = 0; k < a; k++) {
        sum -= l[a * dim + k] * step[k];
      }
      step[a] = sum / l[a * dim + a];
    }
    for (int a = dim - 1; a >= 0; a--) {
      double sum = step[a];
      for (int k = a + 1; k < dim; k++) {
        sum -= l[k * dim + a] * step[k];
      }
      step[a] = sum / l[a * dim + a];
    }
  }

  private static float[] toFloats(double[] values) {
    float[] floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      floats[i] = (float) values[i];
    }
    return floats;
  }
}
