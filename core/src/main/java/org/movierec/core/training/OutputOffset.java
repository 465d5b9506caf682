package org.movierec.core.training;

/**
 * What a network's output is added to before it is a predicted rating: nothing, so the network
 * predicts the rating itself, or the bias estimate, so the network learns only what the biases
 * leave unexplained (residual learning).
 */
public enum OutputOffset {
  /** The prediction is the network's output, as the seed recipe. */
  NONE,
  /**
   * The prediction is {@code mean + userBias + movieBias + network(u, m)}, with the biases fitted
   * before training by the same closed-form alternating least squares as the bias baseline; the
   * network trains on the residual {@code rating - (mean + userBias + movieBias)}.
   */
  BIASES
}
