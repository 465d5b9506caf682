package org.movierec.server.api;

import java.util.Objects;

/**
 * A request the server refuses, with the HTTP status, a stable machine-readable code, the field at
 * fault when there is one, and a message that says what to do; it becomes the JSON error body.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String field;

  /**
   * A refusal.
   *
   * @param field the path, query or body field at fault, or null when the request as a whole is
   */
  public ApiException(int status, String code, String field, String message) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
    this.field = field;
  }

  /** A 400 about one field: it names the field and the problem. */
  public static ApiException badField(String field, String problem) {
    return new ApiException(400, "invalid_field", field, field + " " + problem);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The machine-readable code, e.g. {@code invalid_field} or {@code unknown_user}. */
  public String code() {
    return code;
  }

  /** The field at fault, or null. */
  public String field() {
    return field;
  }
}
