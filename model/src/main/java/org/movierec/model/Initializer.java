package org.movierec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * How a parameter tensor is filled before training. Part of the declared recipe because engines
 * differ in their defaults: DJL's are not PyTorch's, and the seed recipe is PyTorch's.
 *
 * @param type the distribution
 * @param scale the standard deviation for {@link Type#NORMAL}, the half-width for {@link
 *     Type#UNIFORM}, the value for {@link Type#CONSTANT}; unused for {@link Type#FAN_IN_UNIFORM}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Initializer(@JsonProperty("type") Type type, @JsonProperty("scale") Double scale) {

  /** PyTorch's {@code nn.Embedding} default: N(0, 1). */
  public static final Initializer PYTORCH_EMBEDDING = normal(1.0);

  /** PyTorch's {@code nn.Linear} default for weights and biases: U(±1/sqrt(fan_in)). */
  public static final Initializer PYTORCH_LINEAR = new Initializer(Type.FAN_IN_UNIFORM, null);

  /** The initializer distributions. */
  public enum Type {
    /** Normal with mean 0 and standard deviation {@code scale}. */
    NORMAL,
    /** Uniform in {@code [-scale, scale]}. */
    UNIFORM,
    /** Uniform in {@code ±1/sqrt(fan_in)}, for weights and biases, as PyTorch's Linear. */
    FAN_IN_UNIFORM,
    /**
     * Every value equal to {@code scale}: on a ReLU output layer fed by ReLU units, a positive
     * constant makes the first prediction positive for every input, so the output cannot start
     * dead.
     */
    CONSTANT;

    /** Parses a lower-case JSON name. */
    @JsonCreator
    public static Type fromJson(String name) {
      for (Type type : values()) {
        if (type.name().toLowerCase(Locale.ROOT).equals(name)) {
          return type;
        }
      }
      throw new NetworkSpecException(
          "unknown initializer type '"
              + name
              + "'; allowed: normal, uniform, fan_in_uniform, constant");
    }

    /** The lower-case JSON name. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Checks that a scale is given exactly when the type needs one. */
  public Initializer {
    if (type == null) {
      throw new NetworkSpecException(
          "initializer needs a type: normal, uniform, fan_in_uniform or constant");
    }
    boolean needsScale = type != Type.FAN_IN_UNIFORM;
    if (needsScale && (scale == null || !(scale > 0) || !Double.isFinite(scale))) {
      throw new NetworkSpecException(
          "initializer " + type.jsonName() + " needs a finite scale > 0, got " + scale);
    }
    if (!needsScale && scale != null) {
      throw new NetworkSpecException("initializer fan_in_uniform takes no scale, got " + scale);
    }
  }

  /** Normal with mean 0 and the given standard deviation. */
  public static Initializer normal(double std) {
    return new Initializer(Type.NORMAL, std);
  }

  /** Every value equal to {@code value}, which must be positive. */
  public static Initializer constant(double value) {
    return new Initializer(Type.CONSTANT, value);
  }

  /** Uniform in {@code [-halfWidth, halfWidth]}. */
  public static Initializer uniform(double halfWidth) {
    return new Initializer(Type.UNIFORM, halfWidth);
  }
}
