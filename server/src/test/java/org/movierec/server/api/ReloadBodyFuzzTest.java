package org.movierec.server.api;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;
import org.movierec.server.model.ModelDirectory;

/**
 * Fuzzes {@code POST /admin/reload}'s body and the model directory's resolution of the names it
 * gives ({@code model} and {@code rating_model}): a name either leads to a regular file inside the
 * directory or is refused; nothing outside ever resolves, whatever the name holds ({@code ..},
 * absolute paths, NUL, odd Unicode).
 */
class ReloadBodyFuzzTest {

  private static ModelDirectory directory;

  @Timeout(30)
  @FuzzTest(maxDuration = "10s")
  void parse_arbitraryBody_resolvesInsideTheDirectoryOrRefuses(byte[] body) throws IOException {
    ModelDirectory models = directory();
    AtomicReference<Optional<AdminEndpoints.Requested>> asked =
        new AtomicReference<>(Optional.empty());
    HttpSurfaceFuzzing.parsesOrRefuses(
        () -> asked.set(AdminEndpoints.requested(body, HttpSurfaceFuzzing.JSON)));
    if (asked.get().isEmpty()) {
      return;
    }
    resolvesInsideOrRefuses(models, asked.get().get().model());
    if (asked.get().get().ratingModel().isPresent()) {
      resolvesInsideOrRefuses(models, asked.get().get().ratingModel().get());
    }
  }

  private static void resolvesInsideOrRefuses(ModelDirectory models, String name) {
    try {
      Path resolved = models.resolve(name);
      if (!resolved.startsWith(models.root()) || !Files.isRegularFile(resolved)) {
        throw new AssertionError("'" + name + "' resolved to " + resolved);
      }
    } catch (ModelDirectory.RefusedException refused) {
      // A refusal repeats the caller's own name and nothing of the file system.
      String root = models.root().toString();
      if (refused.getMessage().contains(root) && !name.contains(root)) {
        throw new AssertionError("a refusal shows the directory: " + refused.getMessage());
      }
    }
  }

  /** A model directory holding one file, beside a file outside it. */
  private static synchronized ModelDirectory directory() throws IOException {
    if (directory == null) {
      Path root = Files.createTempDirectory("movierec-fuzz-reload");
      Path models = Files.createDirectories(root.resolve("models"));
      Files.writeString(models.resolve("model.mrec"), "not a model");
      Files.writeString(root.resolve("outside.mrec"), "not a model");
      Files.createSymbolicLink(models.resolve("out.mrec"), root.resolve("outside.mrec"));
      directory = ModelDirectory.of(models, 1 << 20);
    }
    return directory;
  }
}
