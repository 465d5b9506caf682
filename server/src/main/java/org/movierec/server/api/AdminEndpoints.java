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
import org.movierec.server.model.ModelBytes;
import org.movierec.server.model.ModelDirectory;
import org.movierec.server.model.ModelFiles;
import org.movierec.server.model.ModelSlot;
import org.movierec.server.model.ServedModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /admin/reload}: loads a model file, or a model file and a rating model file, from the
 * model directory and swaps it in whole, or refuses and keeps serving the old model. Requires
 * {@code Authorization: Bearer <admin_token>}; with no token configured the admin endpoints are
 * disabled. A refusal names only what the caller sent and what is wrong with a file inside the
 * directory, never what exists elsewhere.
 */
final class AdminEndpoints {

  private static final Logger LOG = LoggerFactory.getLogger(AdminEndpoints.class);

  /**
   * What a reload did; {@code file} and {@code ratingFile} are relative to the model directory, and
   * {@code ratingFile} is null unless a rating model answers the predicted ratings.
   */
  record Reloaded(
      String version,
      long generation,
      String file,
      String ratingFile,
      String previousVersion,
      double loadSeconds) {}

  /**
   * The files a reload body names, relative to the model directory: the model, and the rating model
   * when another file's model predicts the ratings.
   */
  record Requested(String model, Optional<String> ratingModel) {

    /** The names as a refusal repeats them. */
    String shown() {
      return model + ratingModel.map(rating -> " and " + rating).orElse("");
    }
  }

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
    Optional<Requested> asked = requested(serving.body(ctx), serving.json());
    long start = System.nanoTime();
    String shown = asked.map(Requested::shown).orElse("(the served files)");
    ModelSlot.Swap swap;
    try {
      ModelFiles files = asked.isPresent() ? resolve(asked.get()) : serving.models().peek().files();
      Optional<ModelBytes> rating =
          files.ratingModel().isPresent()
              ? Optional.of(read(files.ratingModel().get()))
              : Optional.empty();
      swap = serving.models().reload(read(files.model()), rating);
    } catch (ModelDirectory.RefusedException e) {
      refused(shown, e.getMessage());
      throw rejected(e.getMessage());
    } catch (ModelFileException e) {
      refused(shown, e.getMessage());
      throw rejected("model file " + Params.clip(shown) + " " + withoutPath(e));
    } catch (IllegalArgumentException e) {
      // Two models that cannot be paired; the message names only the two files' names.
      refused(shown, e.getMessage());
      throw rejected(e.getMessage());
    } catch (IOException e) {
      refused(shown, e.toString());
      throw rejected("'" + Params.clip(shown) + "' could not be read");
    }
    ServedModel next = swap.next();
    ctx.json(
        new Reloaded(
            next.version(),
            next.generation(),
            directory.nameOf(next.file()),
            next.ratingFile().map(directory::nameOf).orElse(null),
            swap.previous().version(),
            (System.nanoTime() - start) / 1e9));
  }

  private ModelFiles resolve(Requested asked) throws ModelDirectory.RefusedException {
    Path model = directory.resolve(asked.model());
    if (asked.ratingModel().isEmpty()) {
      return ModelFiles.of(model);
    }
    return ModelFiles.pair(model, directory.resolve(asked.ratingModel().get()));
  }

  private ModelBytes read(Path file) throws IOException {
    return new ModelBytes(file, directory.read(file));
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
   * The {@code model} and {@code rating_model} fields of an optional JSON body: the names of the
   * files to load instead of the served ones, relative to the model directory; {@code model} alone
   * serves one model file, both serve the pair.
   *
   * @throws ApiException a 400 naming the field at fault
   */
  static Optional<Requested> requested(byte[] bytes, ObjectMapper json) {
    if (bytes.length == 0) {
      return Optional.empty();
    }
    JsonNode body = JsonBody.parse(bytes, json, 4);
    JsonBody.allowOnly(body, "", Set.of("model", "rating_model"));
    if (!body.has("model") && body.has("rating_model")) {
      throw ApiException.badField(
          "model",
          "is required with rating_model: name both files, the model that orders lists and the"
              + " one that predicts ratings");
    }
    String model = fileName(JsonBody.required(body, "", "model"), "model");
    JsonNode rating = body.get("rating_model");
    if (rating == null) {
      return Optional.of(new Requested(model, Optional.empty()));
    }
    String ratingModel = fileName(rating, "rating_model");
    if (ratingModel.equals(model)) {
      throw ApiException.badField(
          "rating_model", "must name another file than model; leave it out to serve one file");
    }
    return Optional.of(new Requested(model, Optional.of(ratingModel)));
  }

  private static String fileName(JsonNode node, String field) {
    if (!node.isTextual() || node.textValue().isBlank() || node.textValue().length() > 4096) {
      throw ApiException.badField(field, "must be the name of a model file in the model directory");
    }
    if (node.textValue().indexOf('\0') >= 0) {
      throw ApiException.badField(field, "must not hold a NUL character");
    }
    return node.textValue();
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
