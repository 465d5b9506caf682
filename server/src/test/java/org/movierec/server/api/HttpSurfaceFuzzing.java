package org.movierec.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.model.Model;
import org.movierec.server.TestModels;

/**
 * What the fuzzers of the HTTP surface share: the one allowed refusal, a 4xx {@link ApiException}
 * with a message, and a small trained model with its catalog for the parsers whose bounds depend on
 * the model (the most {@code top} is the movies it knows). Any other exception, a hang or an
 * OutOfMemoryError is a finding.
 */
final class HttpSurfaceFuzzing {

  /** The server's mapper, as the endpoints parse with it. */
  static final ObjectMapper JSON = Json.mapper();

  private static Model model;

  private HttpSurfaceFuzzing() {}

  /** Runs a parse; a refusal must be a client error that says what was wrong. */
  static void parsesOrRefuses(Runnable parse) {
    try {
      parse.run();
    } catch (ApiException refusal) {
      if (refusal.status() < 400 || refusal.status() >= 500) {
        throw new AssertionError("a parser refused with status " + refusal.status(), refusal);
      }
      if (refusal.getMessage().isBlank() || refusal.code().isBlank()) {
        throw new AssertionError("a refusal without a message or code", refusal);
      }
    }
  }

  /** A baseline model of the test catalog, trained once per fuzzing JVM. */
  static synchronized Model model() {
    if (model == null) {
      try {
        Path dir = Files.createTempDirectory("movierec-fuzz-model");
        Path file = TestModels.save(dir.resolve("model.mrec"), 15);
        model = TestModels.load(file);
        Files.delete(file);
        Files.delete(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return model;
  }

  /** The catalog of the test data, with its genres. */
  static MovieCatalog catalog() {
    return TestModels.data().catalog();
  }
}
