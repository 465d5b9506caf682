package org.movierec.core.testdata;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.eval.Fold;

/**
 * Finds ml-100k at {@code ../shared/datasets/ml-100k} beside the repository root for tests that
 * check figures on real data. Without it the calling test is skipped with a message naming the
 * path; with {@code -Dmovierec.requireData=true} (as CI runs) it fails instead, so a missing or
 * moved dataset can never turn a headline check into a silent skip.
 */
public final class SharedDatasets {

  /** The system property that turns a skip for missing data into a failure. */
  public static final String REQUIRE_PROPERTY = "movierec.requireData";

  /** The system property naming the shared directory; the build sets it to the root's sibling. */
  public static final String SHARED_DIR_PROPERTY = "movierec.shared.dir";

  /** Files of the official ml-100k archive that the real-data tests read. */
  static final List<String> ML_100K_FILES =
      List.of(
          "u.data", "u.item", "u1.base", "u1.test", "u2.base", "u2.test", "u3.base", "u3.test",
          "u4.base", "u4.test", "u5.base", "u5.test", "ua.base", "ua.test", "ub.base", "ub.test");

  private SharedDatasets() {}

  /**
   * The ml-100k directory; skips the calling test (or fails it when {@value #REQUIRE_PROPERTY} is
   * true) with a message naming the path looked at and the files missing there.
   */
  public static Path ml100k() {
    return ml100k(sharedDirectory(), Boolean.getBoolean(REQUIRE_PROPERTY));
  }

  /** Fold {@code number} (1 to 5) of ml-100k's predefined folds: {@code uN.base} and uN.test. */
  public static Fold ml100kFold(int number) throws IOException {
    Path dir = ml100k();
    return new Fold(
        number,
        readRatings(dir.resolve("u" + number + ".base")),
        readRatings(dir.resolve("u" + number + ".test")));
  }

  /**
   * Reads an ml-100k ratings file ({@code user TAB movie TAB stars TAB time} lines) without the
   * data module, which core and the backends do not depend on; the data module's own readers are
   * tested against the same files.
   */
  public static ColumnarRatings readRatings(Path file) throws IOException {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS, 100_000);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] fields = line.split("\t");
        builder.add(
            Integer.parseInt(fields[0]),
            Integer.parseInt(fields[1]),
            Float.parseFloat(fields[2]),
            Long.parseLong(fields[3]));
      }
    }
    return builder.build();
  }

  /** The decision itself, apart from system properties so that its test can drive both ways. */
  static Path ml100k(Path shared, boolean required) {
    Path dir = shared.resolve("datasets").resolve("ml-100k").toAbsolutePath().normalize();
    List<String> missing =
        ML_100K_FILES.stream().filter(name -> !Files.isRegularFile(dir.resolve(name))).toList();
    if (missing.isEmpty()) {
      return dir;
    }
    String problem =
        "ml-100k is not at "
            + dir
            + (missing.size() == ML_100K_FILES.size() ? "" : " (missing " + missing + ")")
            + "; see ../shared/datasets/README.md, or point -D"
            + SHARED_DIR_PROPERTY
            + " at the directory that holds datasets/ml-100k";
    if (required) {
      return fail(problem + " (-D" + REQUIRE_PROPERTY + "=true makes this a failure, not a skip)");
    }
    return Assumptions.abort(problem + "; skipping this real-data test");
  }

  /**
   * The shared directory: the build's {@value #SHARED_DIR_PROPERTY}, else {@code ../shared} from
   * the repository root, the nearest directory above the working one that holds {@code .git}.
   */
  static Path sharedDirectory() {
    String configured = System.getProperty(SHARED_DIR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
      if (Files.exists(candidate.resolve(".git"))) {
        return candidate.resolveSibling("shared");
      }
    }
    return dir.resolveSibling("shared");
  }
}
