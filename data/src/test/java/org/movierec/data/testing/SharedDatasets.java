package org.movierec.data.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the real datasets under {@code ../shared/datasets}, which tests skip when absent. */
public final class SharedDatasets {

  private SharedDatasets() {}

  /** The ml-100k directory; skips the calling test with a message when it is absent. */
  public static Path ml100k() {
    String shared = System.getProperty("movierec.shared.dir", "../shared");
    Path directory = Path.of(shared, "datasets", "ml-100k");
    assumeTrue(
        Files.isRegularFile(directory.resolve("u.data")),
        "ml-100k not found at " + directory.toAbsolutePath() + "; skipping the real-data test");
    return directory;
  }
}
