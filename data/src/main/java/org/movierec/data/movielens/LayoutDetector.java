package org.movierec.data.movielens;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.movierec.data.DataFormatException;
import org.movierec.data.Layout;
import org.movierec.data.LineProblem;

/** Finds the ratings file and layout of a dataset directory or a single ratings file. */
final class LayoutDetector {

  private static final int SNIFF_BYTES = 1 << 16;

  private LayoutDetector() {}

  /**
   * Where a dataset's files are.
   *
   * @param ratings the ratings file
   * @param layout its layout
   * @param movies the movie file beside it, when there is one
   */
  record Source(Path ratings, Layout layout, Optional<Path> movies) {}

  /**
   * The ratings file and layout of {@code path}: a directory holding {@code u.data}, {@code
   * ratings.dat} or {@code ratings.csv} (or a single sub-directory that does, as archives unpack),
   * or a ratings file whose layout shows in its first line.
   */
  static Source resolve(Path path, Optional<Layout> declared) throws IOException {
    if (Files.isDirectory(path)) {
      return inDirectory(path, declared);
    }
    if (!Files.isRegularFile(path)) {
      throw new NoSuchFileException(
          path.toString(), null, "no such ratings file or dataset directory");
    }
    Layout layout = declared.isPresent() ? declared.get() : sniff(path);
    return new Source(path, layout, sibling(path, layout));
  }

  private static Source inDirectory(Path directory, Optional<Layout> declared) throws IOException {
    Optional<Source> here = findIn(directory, declared);
    if (here.isPresent()) {
      return here.get();
    }
    List<Source> nested = new ArrayList<>();
    try (Stream<Path> children = Files.list(directory)) {
      for (Path child : children.sorted().toList()) {
        if (Files.isDirectory(child)) {
          findIn(child, declared).ifPresent(nested::add);
        }
      }
    }
    if (nested.size() == 1) {
      return nested.get(0);
    }
    String expected =
        declared
            .map(layout -> layout.ratingsFile() + " (" + layout.id() + " layout)")
            .orElse(
                "u.data (ml-100k), ratings.dat (ml-1m, ml-10m) or ratings.csv (ml-20m and later)");
    throw new NoSuchFileException(
        directory.toString(),
        null,
        nested.isEmpty()
            ? "no ratings file in this directory; expected " + expected
            : "several dataset directories inside; point at one of them");
  }

  private static Optional<Source> findIn(Path directory, Optional<Layout> declared) {
    for (Layout layout : Layout.values()) {
      if (declared.isPresent() && declared.get() != layout) {
        continue;
      }
      Path ratings = directory.resolve(layout.ratingsFile());
      if (Files.isRegularFile(ratings)) {
        return Optional.of(new Source(ratings, layout, sibling(ratings, layout)));
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> sibling(Path ratings, Layout layout) {
    Path movies = ratings.resolveSibling(layout.moviesFile());
    return Files.isRegularFile(movies) ? Optional.of(movies) : Optional.empty();
  }

  /** The layout the first non-blank line of a ratings file shows. */
  static Layout sniff(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    }
    String text = new String(head, StandardCharsets.ISO_8859_1);
    if (text.startsWith("\u00EF\u00BB\u00BF")) {
      text = text.substring(3);
    }
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      if (line.contains("::")) {
        return Layout.ML_1M;
      }
      if (line.contains("\t")) {
        return Layout.ML_100K;
      }
      if (line.contains(",")) {
        return Layout.CSV;
      }
      throw new DataFormatException(
          file,
          i + 1,
          LineProblem.UNKNOWN_LAYOUT,
          "cannot tell the layout: the line has no tab, '::' or comma",
          LineText.shorten(line));
    }
    String detail =
        head.length == 0 ? "the file is empty" : "the file holds nothing but blank lines";
    throw new DataFormatException(file, 1, LineProblem.EMPTY_FILE, detail, "");
  }
}
