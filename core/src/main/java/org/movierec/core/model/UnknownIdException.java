package org.movierec.core.model;

/**
 * Raised when a model is asked about a user or movie it never saw and the policy is ERROR, or about
 * a movie where no fallback exists (similar movies).
 */
public class UnknownIdException extends RuntimeException {

  private final String kind;
  private final int rawId;

  /** An error naming the kind of id ({@code user} or {@code movie}) and the raw id. */
  public UnknownIdException(String kind, int rawId) {
    super(
        kind
            + " "
            + rawId
            + " does not appear in the model's training data; set cold_start=fallback to answer"
            + " with the bias estimate instead");
    this.kind = kind;
    this.rawId = rawId;
  }

  /** The kind of id that was unknown, {@code user} or {@code movie}, e.g. to name a field. */
  public String kind() {
    return kind;
  }

  /** The raw id that was unknown. */
  public int rawId() {
    return rawId;
  }

  /** An error naming the kind of id and the raw id, with advice for the situation at hand. */
  public UnknownIdException(String kind, int rawId, String advice) {
    super(kind + " " + rawId + " does not appear in the model's training data; " + advice);
    this.kind = kind;
    this.rawId = rawId;
  }
}
