package org.movierec.app.evaluation;

/**
 * Which reference rankers {@code evaluate} and {@code cv} show beside a model's ranking metrics.
 */
public enum ReferenceChoice {
  /** The model alone. */
  NONE,
  /** The most-rated and best-rated lists, which need no training. */
  POPULARITY,
  /** Popularity, item-kNN and EASE, each trained on the same training ratings. */
  ALL;

  /** Tells whether popularity rows are shown. */
  public boolean popularity() {
    return this != NONE;
  }

  /** Tells whether the trained references (item-kNN, EASE) are shown. */
  public boolean trained() {
    return this == ALL;
  }
}
