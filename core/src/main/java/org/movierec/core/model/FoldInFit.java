package org.movierec.core.model;

/**
 * What fold-in fitted for a user the model never trained on, as a backend sees it: the user's bias
 * in the model's bias estimate (used for movies the model does not know, and as the whole user for
 * a backend without user parameters of its own) and the backend's own user vector, such as a
 * network's user embedding.
 *
 * @param bias the user's bias, fitted with the model's {@code bias_reg_user}
 * @param vector the backend's user parameters; empty for a backend that has none
 */
public record FoldInFit(float bias, float[] vector) {

  /** Copies the vector. */
  public FoldInFit {
    vector = vector.clone();
  }

  @Override
  public float[] vector() {
    return vector.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FoldInFit that
        && Float.compare(bias, that.bias) == 0
        && java.util.Arrays.equals(vector, that.vector);
  }

  @Override
  public int hashCode() {
    return 31 * Float.hashCode(bias) + java.util.Arrays.hashCode(vector);
  }

  @Override
  public String toString() {
    return "FoldInFit[bias=" + bias + ", vector=" + java.util.Arrays.toString(vector) + "]";
  }
}
