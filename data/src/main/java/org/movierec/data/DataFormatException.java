package org.movierec.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Bad input in a dataset file: the message names the file, the 1-based line number, what is wrong
 * and the offending text, and says what to do about it.
 */
public final class DataFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long line;
  private final LineProblem problem;
  private final String text;

  /**
   * Describes a bad line.
   *
   * @param file the file that holds the line
   * @param line the 1-based line number
   * @param problem the kind of problem
   * @param detail what exactly is wrong, e.g. {@code rating 7 is outside the scale 1..5 step 1}
   * @param text the line as read, shortened if very long
   */
  public DataFormatException(
      Path file, long line, LineProblem problem, String detail, String text) {
    super(message(file, line, problem, detail, text));
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.problem = Objects.requireNonNull(problem, "problem");
    this.text = Objects.requireNonNull(text, "text");
  }

  /** Describes a bad line found while reading {@code skipped}. */
  public static DataFormatException of(SkippedLine skipped) {
    return new DataFormatException(
        skipped.file(), skipped.line(), skipped.problem(), skipped.detail(), skipped.text());
  }

  /** The file that holds the bad input. */
  public Path file() {
    return file;
  }

  /** The 1-based number of the bad line. */
  public long line() {
    return line;
  }

  /** The kind of problem. */
  public LineProblem problem() {
    return problem;
  }

  /** The offending text as read. */
  public String text() {
    return text;
  }

  private static String message(
      Path file, long line, LineProblem problem, String detail, String text) {
    StringBuilder message = new StringBuilder();
    message.append(file).append(" line ").append(line).append(": ").append(detail);
    message.append(": \"").append(text).append('"');
    message.append(". ").append(advice(problem));
    return message.toString();
  }

  private static String advice(LineProblem problem) {
    return switch (problem) {
      case EMPTY_FILE -> "Point the reader at a ratings file with at least one rating.";
      case UNKNOWN_LAYOUT ->
          "Expected tab-separated (ml-100k), '::'-separated (ml-1m, ml-10m) or CSV with a header"
              + " (ml-20m and later); declare the layout (--format) if the file is one of them.";
      case BAD_HEADER -> "Fix the header row or declare the layout (--format).";
      case WRONG_SEPARATOR ->
          "The file seems to use another layout; declare the right one (--format).";
      case TRUNCATED_LAST_LINE ->
          "The file was cut short; download or copy it again, or skip bad lines"
              + " (--on-bad-line skip).";
      case RATING_OFF_SCALE, RATING_OFF_STEP ->
          "Fix the line, declare the rating scale, or skip bad lines (--on-bad-line skip).";
      default -> "Fix or remove the line, or skip bad lines (--on-bad-line skip).";
    };
  }
}
