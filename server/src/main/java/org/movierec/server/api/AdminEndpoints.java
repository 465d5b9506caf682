package org.movierec.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.movierec.core.file.ModelFileException;
import org.movierec.server.metrics.ServerMetrics;
import org.movierec.server.model.ServedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /admin/reload}: loads a model file beside the served one and swaps it in, or refuses
 * the file and keeps serving the old model. Requires {@code Authorization: Bearer <admin_token>};
 * with no token configured the admin endpoints are disabled.
 */
final class AdminEndpoints {

  private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoints.class);

  /** What a reload did. */
  record Reloaded(
      String version, long generation, String file, String previousVersion, double loadSeconds) {}

  private final Serving serving;
  private final ServerMetrics metrics;

  AdminEndpoints(Serving serving, ServerMetrics metrics) {
    this.serving = serving;
    this.metrics = metrics;
  }

  void addTo(RoutesConfig routes) {
    routes.post("/admin/reload", this::reload);
  }

  private void reload(Context ctx) {
    authorize(ctx, serving.config().adminToken());
    Params.allowOnly(ctx, Set.of());
    Path file = requestedFile(ctx).orElse(serving.models().peek().file());
    String previous = serving.models().peek().version();
    long start = System.nanoTime();
    ServedModel next;
    try {
      next = serving.models().reload(file);
    } catch (ModelFileException e) {
      refused(file, e.getMessage());
      throw new ApiException(
          422, "model_file_rejected", "model", e.getMessage() + "; the old model keeps serving");
    } catch (NoSuchFileException e) {
      refused(file, "no such file");
      throw new ApiException(
          422,
          "model_file_rejected",
          "model",
          "no model file at " + file + "; the old model keeps serving");
    } catch (IOException e) {
      refused(file, e.toString());
      throw new ApiException(
          422,
          "model_file_rejected",
          "model",
          "cannot read " + file + " (" + e.getMessage() + "); the old model keeps serving");
    }
    ctx.json(
        new Reloaded(
            next.version(),
            next.generation(),
            next.file().toString(),
            previous,
            (System.nanoTime() - start) / 1e9));
  }

  private void refused(Path file, String why) {
    metrics.refused();
    LOG.warn("reload of {} refused, the old model keeps serving: {}", file, why);
  }

  /** The {@code model} field of an optional JSON body: the file to load instead of the current. */
  private Optional<Path> requestedFile(Context ctx) {
    if (ctx.bodyAsBytes().length == 0) {
      return Optional.empty();
    }
    JsonNode body = JsonBody.object(ctx, serving.json());
    JsonBody.allowOnly(body, "", Set.of("model"));
    JsonNode model = JsonBody.required(body, "", "model");
    if (!model.isTextual() || model.textValue().isBlank()) {
      throw ApiException.badField("model", "must be the path of a model file");
    }
    try {
      return Optional.of(Path.of(model.textValue()));
    } catch (InvalidPathException e) {
      throw ApiException.badField("model", "is not a valid path: " + e.getReason());
    }
  }

  /** Refuses a request without the configured token, comparing in constant time. */
  static void authorize(Context ctx, Optional<String> token) {
    if (token.isEmpty()) {
      throw new ApiException(
          403,
          "admin_disabled",
          null,
          "the admin endpoints are disabled because no admin_token is configured; set one in the"
              + " server's configuration file");
    }
    String header = ctx.header("Authorization");
    String expected = "Bearer " + token.get();
    if (header == null
        || !MessageDigest.isEqual(
            header.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"movierec admin\"");
      throw new ApiException(
          401,
          "unauthorized",
          null,
          header == null
              ? "this endpoint needs the header 'Authorization: Bearer <admin_token>'"
              : "the bearer token does not match the configured admin_token");
    }
  }
}
