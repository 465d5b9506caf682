package org.movierec.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One fully connected layer followed by its activation.
 *
 * @param units the output width
 * @param activation what follows the affine map
 * @param init how weights and biases are initialized
 */
public record DenseLayerSpec(
    @JsonProperty("units") int units,
    @JsonProperty("activation") Activation activation,
    @JsonProperty("init") Initializer init) {

  /** Checks the width, activation and initializer. */
  public DenseLayerSpec {
    if (units <= 0) {
      throw new NetworkSpecException("layer units must be > 0, got " + units);
    }
    if (activation == null) {
      throw new NetworkSpecException("layer needs an activation: relu, identity, sigmoid, tanh");
    }
    if (init == null) {
      throw new NetworkSpecException(
          "layer needs an init, e.g. {\"type\":\"fan_in_uniform\"} as PyTorch's Linear");
    }
  }
}
