package org.movierec.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where movierec keeps downloaded and generated datasets: the system property {@code
 * movierec.cache}, else the environment variable {@code MOVIEREC_CACHE}, else {@code
 * ~/.cache/movierec}.
 */
public final class CacheDirectory {

  /** The system property that overrides the cache directory. */
  public static final String PROPERTY = "movierec.cache";

  /** The environment variable that overrides the cache directory. */
  public static final String ENVIRONMENT = "MOVIEREC_CACHE";

  private CacheDirectory() {}

  /** The cache directory; it may not exist yet. */
  public static Path defaultPath() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String environment = System.getenv(ENVIRONMENT);
    if (environment != null && !environment.isBlank()) {
      return Path.of(environment);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "movierec");
  }

  /** Deletes a directory tree if it exists, e.g. a temporary directory left in the cache. */
  public static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
