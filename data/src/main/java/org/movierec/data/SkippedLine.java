package org.movierec.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One line a lenient reader skipped, kept as an example in the read report.
 *
 * @param file the file that holds the line
 * @param line the 1-based line number
 * @param problem why it was skipped
 * @param detail what exactly is wrong
 * @param text the line as read, shortened if very long
 */
public record SkippedLine(Path file, long line, LineProblem problem, String detail, String text) {

  /** Rejects missing parts and line numbers below 1. */
  public SkippedLine {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(text, "text");
    if (line < 1) {
      throw new IllegalArgumentException("line numbers start at 1, got " + line);
    }
  }

  /** A one-line description in the same form as a {@link DataFormatException} message. */
  @Override
  public String toString() {
    return file + " line " + line + ": " + detail + ": \"" + text + "\" (" + problem.label() + ")";
  }
}
