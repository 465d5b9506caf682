package org.movierec.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.movierec.core.model.UnknownIdException;
import org.movierec.core.model.UnsupportedByModelException;
import org.movierec.core.store.StoreException;
import org.movierec.server.model.SlotClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure of a request into a JSON error body: refusals keep their status and message,
 * unknown ids under the {@code error} cold-start policy become 404, and anything unexpected becomes
 * a 500 whose body carries only an error id; the stack trace goes to the server log, never to the
 * client.
 */
final class ErrorMapping {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void addTo(RoutesConfig routes, int maxBodyBytes) {
    routes.exception(ApiException.class, (e, ctx) -> write(ctx, e));
    routes.exception(
        UnknownIdException.class,
        (e, ctx) ->
            write(ctx, new ApiException(404, "unknown_" + e.kind(), e.kind(), e.getMessage())));
    routes.exception(
        HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e, ctx, maxBodyBytes)));
    routes.exception(
        UnsupportedByModelException.class,
        (e, ctx) ->
            write(ctx, new ApiException(501, "not_supported_by_model", null, e.getMessage())));
    routes.exception(
        SlotClosedException.class,
        (e, ctx) ->
            write(
                ctx, new ApiException(503, "shutting_down", null, "the server is shutting down")));
    routes.exception(
        StoreException.class,
        (e, ctx) -> {
          LOG.error("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
          write(ctx, new ApiException(503, "store_unavailable", null, e.getMessage()));
        });
    routes.exception(Exception.class, ErrorMapping::unexpected);
  }

  /** Writes a refusal as the response. */
  static void write(Context ctx, ApiException e) {
    ctx.status(e.status()).json(ErrorBody.of(e));
  }

  private static ApiException fromJavalin(HttpResponseException e, Context ctx, int maxBodyBytes) {
    int status = e.getStatus();
    if (status == HttpStatus.NOT_FOUND.getCode()) {
      return new ApiException(
          404,
          "no_such_endpoint",
          null,
          "there is no endpoint "
              + ctx.method()
              + " "
              + Params.clip(ctx.path())
              + "; /openapi.json lists them");
    }
    if (status == HttpStatus.METHOD_NOT_ALLOWED.getCode()) {
      return new ApiException(
          405,
          "method_not_allowed",
          null,
          Params.clip(ctx.path())
              + " does not take "
              + ctx.method()
              + "; /openapi.json lists its methods");
    }
    if (status == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
      return tooLarge(maxBodyBytes);
    }
    HttpStatus known = HttpStatus.forStatus(status);
    return new ApiException(
        status,
        known.getMessage().toLowerCase(Locale.ROOT).replace(' ', '_'),
        null,
        known.getMessage());
  }

  /** The refusal of a body over the limit. */
  static ApiException tooLarge(int maxBodyBytes) {
    return new ApiException(
        413,
        "body_too_large",
        null,
        "the request body is larger than max_body_bytes = " + maxBodyBytes + " bytes");
  }

  private static void unexpected(Exception e, Context ctx) {
    String id = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
    LOG.error("{} {} failed with error id {}", ctx.method(), ctx.path(), id, e);
    write(
        ctx,
        new ApiException(
            500,
            "internal_error",
            null,
            "the server failed to answer; its log has the details under error id " + id));
  }
}
