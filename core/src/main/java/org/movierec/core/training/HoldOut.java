package org.movierec.core.training;

import java.util.SplittableRandom;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.random.Shuffle;

/**
 * Splits a training input into the part a backend fits and the validation ratings it measures for
 * early stopping ({@code validation_fraction}), the same way for every backend: one seeded random
 * stream, so that the baseline and the network hold out the same rows for a seed.
 *
 * <p>Only ratings whose user and movie keep at least one rating in the fitted part are held out.
 * Hence the fitted part has every user and movie of the input, shares its id maps, and a network
 * trains every embedding row it will ever score; no validation rating is cold. What a model
 * remembers about its input (id maps, each user's rated movies, popularity, biases) is built from
 * the whole input, so a movie a user rated in the hold-out is still never recommended to them, and
 * a user whose ratings fell there is still known. On very sparse data this rule can hold out fewer
 * ratings than the fraction asks for.
 *
 * @param fitted the ratings to fit, a view of the input with the input's id maps
 * @param validation the held-out ratings, a view of the input with the input's id maps
 */
public record HoldOut(ColumnarRatings fitted, ColumnarRatings validation) {

  /** Mixed into the seed so that the split does not correlate with the initialization. */
  private static final long SPLIT_SALT = 0x5DEECE66DL;

  /**
   * Holds out about {@code fraction} of the input's ratings, chosen at random with the seed among
   * those that leave their user and movie a rating in the fitted part.
   *
   * @param input the whole training input, re-indexed to exactly its own users and movies
   * @param fraction the share to hold out, at least 0 and below 1
   * @param seed the configuration's seed
   * @throws IllegalArgumentException when the fraction is outside {@code [0, 1)}
   */
  public static HoldOut split(ColumnarRatings input, double fraction, long seed) {
    if (!(fraction >= 0 && fraction < 1)) {
      throw new IllegalArgumentException(
          "validation_fraction must be at least 0 and below 1, got " + fraction);
    }
    int n = input.size();
    int target = (int) Math.round(n * fraction);
    if (target == 0) {
      return new HoldOut(input, input.select(new int[0]));
    }
    int[] order = Shuffle.permutation(n, new SplittableRandom(seed ^ SPLIT_SALT));
    int[] userLeft = new int[input.users().size()];
    int[] movieLeft = new int[input.movies().size()];
    for (int row = 0; row < n; row++) {
      userLeft[input.userIndex(row)]++;
      movieLeft[input.movieIndex(row)]++;
    }
    boolean[] held = new boolean[n];
    int heldCount = 0;
    for (int i = 0; i < n && heldCount < target; i++) {
      int row = order[i];
      int user = input.userIndex(row);
      int movie = input.movieIndex(row);
      if (userLeft[user] > 1 && movieLeft[movie] > 1) {
        userLeft[user]--;
        movieLeft[movie]--;
        held[row] = true;
        heldCount++;
      }
    }
    int[] validationRows = new int[heldCount];
    int[] fittedRows = new int[n - heldCount];
    int v = 0;
    int f = 0;
    for (int row = 0; row < n; row++) {
      if (held[row]) {
        validationRows[v++] = row;
      } else {
        fittedRows[f++] = row;
      }
    }
    return new HoldOut(input.select(fittedRows), input.select(validationRows));
  }

  /** Tells whether any rating was held out. */
  public boolean hasValidation() {
    return validation.size() > 0;
  }
}
