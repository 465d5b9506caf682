package org.movierec.data.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.movierec.core.data.RatingDataset;
import org.movierec.data.BadLinePolicy;
import org.movierec.data.DataFormatException;
import org.movierec.data.Layout;
import org.movierec.data.ReadOptions;
import org.movierec.data.movielens.DatasetReader;
import org.movierec.data.movielens.SplitReadResult;

/**
 * Turns one fuzzer input into the files of a dataset directory and reads them through {@link
 * DatasetReader}, the data module's public entry point. The only allowed outcomes are a dataset
 * whose every rating is on its scale, or a {@link DataFormatException} naming one of the files and
 * a line; any other exception, a hang or an OutOfMemoryError is a finding.
 *
 * <p>Input layout: the first byte holds flags (bit 0: skip bad lines; bit 1: read the ratings file
 * alone, so its layout is sniffed from its content; bit 2: read the first two parts as a predefined
 * train/test split), then up to three parts separated by a zero byte: the ratings file, the movie
 * file (or the test file of a split) and, for ml-100k, {@code u.genre}. Seeds are plain text after
 * the flag byte, e.g. {@code "0"} followed by a ratings file.
 */
final class ReaderFuzzing {

  /**
   * A RAM-backed directory when the machine has one: fuzzing writes thousands of files a second and
   * a disk makes that several times slower.
   */
  private static final Path SCRATCH =
      Files.isDirectory(Path.of("/dev/shm")) && Files.isWritable(Path.of("/dev/shm"))
          ? Path.of("/dev/shm")
          : Path.of(System.getProperty("java.io.tmpdir"));

  private static final int SKIP = 1;
  private static final int SINGLE_FILE = 2;
  private static final int SPLIT = 4;

  private ReaderFuzzing() {}

  /** Reads the dataset one input describes and checks the outcome is allowed. */
  static void readOrFailClearly(Layout layout, byte[] input) throws IOException {
    int flags = input.length == 0 ? 0 : input[0];
    List<byte[]> parts = parts(input);
    Path dir = Files.createTempDirectory(SCRATCH, "fuzz-" + layout.id());
    try {
      List<Path> files = new ArrayList<>();
      ReadOptions options =
          ReadOptions.builder()
              .optOnBadLine((flags & SKIP) != 0 ? BadLinePolicy.SKIP : BadLinePolicy.FAIL)
              .optParallelism(1)
              .build();
      try {
        if ((flags & SPLIT) != 0) {
          Path train = write(dir, "u1.base", parts, 0, files);
          Path test = write(dir, "u1.test", parts, 1, files);
          SplitReadResult split = DatasetReader.readSplit(train, test, options);
          checkRatings(split.split().train());
          checkRatings(split.split().test());
        } else {
          Path ratings = write(dir, layout.ratingsFile(), parts, 0, files);
          write(dir, layout.moviesFile(), parts, 1, files);
          write(dir, "u.genre", parts, 2, files);
          Path target = (flags & SINGLE_FILE) != 0 ? ratings : dir;
          checkRatings(DatasetReader.read(target, options).dataset());
        }
      } catch (DataFormatException e) {
        checkNamesFileAndLine(e, files);
      }
    } finally {
      deleteTree(dir);
    }
  }

  /** The parts after the flag byte, cut at the first two zero bytes. */
  private static List<byte[]> parts(byte[] input) {
    List<byte[]> parts = new ArrayList<>();
    int start = Math.min(1, input.length);
    for (int i = start; i < input.length && parts.size() < 2; i++) {
      if (input[i] == 0) {
        parts.add(Arrays.copyOfRange(input, start, i));
        start = i + 1;
      }
    }
    parts.add(Arrays.copyOfRange(input, start, input.length));
    return parts;
  }

  /** Writes part {@code index}; a split's test file is written empty when the part is missing. */
  private static Path write(Path dir, String name, List<byte[]> parts, int index, List<Path> files)
      throws IOException {
    boolean splitFile = name.startsWith("u1.");
    if (index >= parts.size() && !splitFile) {
      return dir.resolve(name);
    }
    Path file =
        Files.write(dir.resolve(name), index < parts.size() ? parts.get(index) : new byte[0]);
    files.add(file);
    return file;
  }

  private static void checkRatings(RatingDataset dataset) {
    if (dataset.size() == 0 && dataset.users().size() == 0) {
      throw new AssertionError("a dataset was read that holds no rating and no user");
    }
    for (int row = 0; row < dataset.size(); row++) {
      float rating = dataset.rating(row);
      if (!dataset.scale().allows(rating)) {
        throw new AssertionError(
            "row " + row + " has rating " + rating + " off " + dataset.scale());
      }
      if (dataset.rawUserId(row) < 0 || dataset.rawMovieId(row) < 0) {
        throw new AssertionError("row " + row + " has a negative raw id");
      }
    }
  }

  private static void checkNamesFileAndLine(DataFormatException e, List<Path> files) {
    if (!files.contains(e.file())) {
      throw new AssertionError("the error names " + e.file() + ", not one of " + files, e);
    }
    if (e.line() < 1 || !e.getMessage().startsWith(e.file() + " line " + e.line() + ": ")) {
      throw new AssertionError("the message does not start with file and line", e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
