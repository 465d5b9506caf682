package org.movierec.core.training;

/** How the ranking objective draws the unrated movies it treats as negatives. */
public enum NegativeSampling {
  /** Every movie the user did not rate is equally likely. */
  UNIFORM,
  /**
   * A movie is drawn in proportion to its number of training ratings (among those the user did not
   * rate), so that popular movies, which uniform negatives rarely contradict, are pushed down where
   * a user skipped them.
   */
  POPULARITY
}
