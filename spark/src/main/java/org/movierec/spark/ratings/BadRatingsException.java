package org.movierec.spark.ratings;

/** Ratings input that cannot be read: the message names the file and quotes the offending line. */
public final class BadRatingsException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** An error with a message naming the file, the line and the problem. */
  public BadRatingsException(String message) {
    super(message);
  }
}
