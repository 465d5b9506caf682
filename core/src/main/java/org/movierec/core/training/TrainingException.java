package org.movierec.core.training;

/** Training could not finish, e.g. the loss diverged; the message says where and what to try. */
public class TrainingException extends RuntimeException {

  /** A failure with a message naming the epoch and batch where it happened. */
  public TrainingException(String message) {
    super(message);
  }

  /** A failure caused by an engine error, with context. */
  public TrainingException(String message, Throwable cause) {
    super(message, cause);
  }
}
