package org.movierec.core.model;

/** What a model does when asked about a user or movie it never saw in training. */
public enum ColdStartPolicy {
  /** Refuse with an {@link UnknownIdException} naming the id. */
  ERROR,
  /** Answer with the bias estimate: global mean plus whatever user and movie bias is known. */
  FALLBACK
}
