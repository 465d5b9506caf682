package org.movierec.model;

/** A network spec that cannot be realized; the message lists every problem found. */
public class NetworkSpecException extends IllegalArgumentException {

  /** An error describing what is wrong with the spec and what is allowed. */
  public NetworkSpecException(String message) {
    super(message);
  }

  /** An error with the underlying parse failure. */
  public NetworkSpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
