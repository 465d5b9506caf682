package org.movierec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The activation applied after a dense layer. */
public enum Activation {
  /** {@code max(0, x)}, the seed network's activation on every layer. */
  RELU,
  /** No activation: the layer's affine output as is. */
  IDENTITY,
  /** {@code 1 / (1 + e^-x)}. */
  SIGMOID,
  /** The hyperbolic tangent. */
  TANH;

  /** The lower-case name used in JSON specs. */
  @JsonValue
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a JSON name.
   *
   * @throws NetworkSpecException naming the allowed activations
   */
  @JsonCreator
  public static Activation fromJson(String name) {
    for (Activation activation : values()) {
      if (activation.jsonName().equals(name)) {
        return activation;
      }
    }
    throw new NetworkSpecException(
        "unknown activation '"
            + name
            + "'; allowed: "
            + Arrays.stream(values()).map(Activation::jsonName).collect(Collectors.joining(", ")));
  }
}
