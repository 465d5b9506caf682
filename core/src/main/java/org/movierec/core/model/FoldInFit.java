package org.movierec.core.model;

import java.util.Arrays;

/**
 * What fold-in fitted for a user the model never trained on, as a backend sees it: the user's bias
 * in the model's bias estimate (used for movies the model does not know, and as the whole user for
 * a backend without user parameters of its own), the backend's own user vector, such as a network's
 * user embedding, and the ratings it was fitted to, for a backend whose user is their ratings (a
 * neighbourhood model).
 *
 * @param bias the user's bias, fitted with the model's {@code bias_reg_user}
 * @param vector the backend's user parameters; empty for a backend that has none
 * @param ratedMovies the dense movies of the ratings the model knows, in the order given
 * @param ratings the rating of each of {@code ratedMovies}
 */
public record FoldInFit(float bias, float[] vector, int[] ratedMovies, float[] ratings) {

  /** Copies the arrays and checks that every rated movie has one rating. */
  public FoldInFit {
    vector = vector.clone();
    ratedMovies = ratedMovies.clone();
    ratings = ratings.clone();
    if (ratedMovies.length != ratings.length) {
      throw new IllegalArgumentException(
          ratedMovies.length + " rated movies but " + ratings.length + " ratings");
    }
  }

  @Override
  public float[] vector() {
    return vector.clone();
  }

  @Override
  public int[] ratedMovies() {
    return ratedMovies.clone();
  }

  @Override
  public float[] ratings() {
    return ratings.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FoldInFit that
        && Float.compare(bias, that.bias) == 0
        && Arrays.equals(vector, that.vector)
        && Arrays.equals(ratedMovies, that.ratedMovies)
        && Arrays.equals(ratings, that.ratings);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(
        new int[] {
          Float.hashCode(bias),
          Arrays.hashCode(vector),
          Arrays.hashCode(ratedMovies),
          Arrays.hashCode(ratings)
        });
  }

  @Override
  public String toString() {
    return "FoldInFit[bias="
        + bias
        + ", vector="
        + Arrays.toString(vector)
        + ", ratedMovies="
        + Arrays.toString(ratedMovies)
        + ", ratings="
        + Arrays.toString(ratings)
        + "]";
  }
}
