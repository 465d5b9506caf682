package org.movierec.core.eval;

import java.util.Objects;
import org.movierec.core.data.RatingDataset;

/**
 * One fold of a cross-validation: the ratings a model learns from and the disjoint ratings it is
 * measured on.
 *
 * @param number the one-based fold number, e.g. 1 for ml-100k's u1.base and u1.test
 * @param train the training ratings
 * @param test the test ratings, none of which may appear in {@code train}
 */
public record Fold(int number, RatingDataset train, RatingDataset test) {

  /** Rejects missing sets and fold numbers below 1. */
  public Fold {
    if (number < 1) {
      throw new IllegalArgumentException("fold numbers start at 1, got " + number);
    }
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
  }
}
