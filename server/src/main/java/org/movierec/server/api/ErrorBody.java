package org.movierec.server.api;

/**
 * The JSON body of every refusal: {@code {"error": {"status": 400, "code": "invalid_field",
 * "field": "top", "message": "top must be ..."}}}.
 *
 * @param error what went wrong
 */
public record ErrorBody(Detail error) {

  /**
   * What went wrong.
   *
   * @param status the HTTP status, repeated for clients that only keep the body
   * @param code a stable machine-readable code
   * @param field the field at fault, absent when the request as a whole is
   * @param message what was wrong and what to do
   */
  public record Detail(int status, String code, String field, String message) {}

  /** The body of a refusal. */
  public static ErrorBody of(ApiException e) {
    return new ErrorBody(new Detail(e.status(), e.code(), e.field(), e.getMessage()));
  }
}
