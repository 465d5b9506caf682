package org.movierec.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers, for requests that fail before they reach an endpoint (a malformed
 * request line, headers too large): the same JSON error body as every other refusal, with the
 * status's reason phrase only, never a message or stack trace from inside the server.
 */
public final class JettyErrors extends ErrorHandler {

  private final ObjectMapper json;

  /** An error handler writing with this mapper. */
  public JettyErrors(ObjectMapper json) {
    this.json = json;
    setShowStacks(false);
    setShowCauses(false);
    setShowMessageInTitle(false);
  }

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body(code)), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json");
    return ByteBuffer.wrap(body(status));
  }

  private byte[] body(int status) {
    String phrase = HttpStatus.getMessage(status);
    ApiException e =
        new ApiException(
            status,
            phrase.toLowerCase(Locale.ROOT).replace(' ', '_'),
            null,
            "HTTP " + status + " " + phrase);
    try {
      return json.writeValueAsBytes(ErrorBody.of(e));
    } catch (JsonProcessingException impossible) {
      return ("{\"error\":{\"status\":" + status + "}}")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
