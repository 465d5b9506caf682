package org.movierec.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.movierec.core.file.ModelFileException;
import org.movierec.server.metrics.ServerMetrics;
import org.movierec.server.model.ModelDirectory;
import org.movierec.server.model.ModelSlot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /admin/reload}: loads a model file from the model directory and swaps it in, or
 * refuses the file and keeps serving the old model. Requires {@code Authorization: Bearer
 * <admin_token>}; with no token configured the admin endpoints are disabled. A refusal names only
 * what the caller sent and what is wrong with a file inside the directory, never what exists
 * elsewhere.
 */
final class AdminEndpoints {

  private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoints.class);

  /** What a reload did; {@code file} is relative to the model directory. */
  record Reloaded(
      String version, long generation, String file, String previousVersion, double loadSeconds) {}

  private final Serving serving;
  private final ServerMetrics metrics;
  private final RequestLimits limits;
  private final ModelDirectory directory;

  AdminEndpoints(
      Serving serving, ServerMetrics metrics, RequestLimits limits, ModelDirectory directory) {
    this.serving = serving;
    this.metrics = metrics;
    this.limits = limits;
    this.directory = directory;
  }

  void addTo(RoutesConfig routes) {
    routes.post("/admin/reload", limits.guard(RequestLimits.Kind.RELOAD, this::reload));
  }

  private void reload(Context ctx) {
    authorize(ctx, serving.config().adminToken());
    Params.allowOnly(ctx, Set.of());
    Optional<String> asked = requestedName(serving.body(ctx), serving.json());
    long start = System.nanoTime();
    String shown = asked.orElse("(the served file)");
    ModelSlot.Swap swap;
    try {
      Path file =
          asked.isPresent() ? directory.resolve(asked.get()) : serving.models().peek().file();
      byte[] bytes = directory.read(file);
      swap = serving.models().reload(file, bytes);
    } catch (ModelDirectory.RefusedException e) {
      refused(shown, e.getMessage());
      throw rejected(e.getMessage());
    } catch (ModelFileException e) {
      refused(shown, e.getMessage());
      throw rejected("model file " + Params.clip(shown) + " " + withoutPath(e));
    } catch (IOException e) {
      refused(shown, e.toString());
      throw rejected("'" + Params.clip(shown) + "' could not be read");
    }
    ctx.json(
        new Reloaded(
            swap.next().version(),
            swap.next().generation(),
            directory.nameOf(swap.next().file()),
            swap.previous().version(),
            (System.nanoTime() - start) / 1e9));
  }

  /** What is wrong with a model file, without the absolute path the exception starts with. */
  private static String withoutPath(ModelFileException e) {
    String message = e.getMessage();
    String path = String.valueOf(e.file());
    int at = message.indexOf(path);
    return at < 0
        ? "was refused (" + e.problem().name().toLowerCase(java.util.Locale.ROOT) + ")"
        : message.substring(at + path.length()).strip();
  }

  private static ApiException rejected(String why) {
    return new ApiException(
        422, "model_file_rejected", "model", why + "; the old model keeps serving");
  }

  private void refused(String file, String why) {
    metrics.refused();
    LOG.warn("reload of {} refused, the old model keeps serving: {}", file, why);
  }

  /**
   * The {@code model} field of an optional JSON body: the name of the file to load instead of the
   * served one, relative to the model directory.
   *
   * @throws ApiException a 400 naming the field at fault
   */
  static Optional<String> requestedName(byte[] bytes, ObjectMapper json) {
    if (bytes.length == 0) {
      return Optional.empty();
    }
    JsonNode body = JsonBody.parse(bytes, json, 4);
    JsonBody.allowOnly(body, "", Set.of("model"));
    JsonNode model = JsonBody.required(body, "", "model");
    if (!model.isTextual() || model.textValue().isBlank() || model.textValue().length() > 4096) {
      throw ApiException.badField(
          "model", "must be the name of a model file in the model directory");
    }
    if (model.textValue().indexOf('\0') >= 0) {
      throw ApiException.badField("model", "must not hold a NUL character");
    }
    return Optional.of(model.textValue());
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
