package org.movierec.core.model;

/**
 * Raised when a model is asked for something its backend does not learn, such as similar movies
 * from a model without movie embeddings. The message names the backend and what to use instead.
 */
public class UnsupportedByModelException extends UnsupportedOperationException {

  /** An error with a message saying what is missing and what to do. */
  public UnsupportedByModelException(String message) {
    super(message);
  }
}
