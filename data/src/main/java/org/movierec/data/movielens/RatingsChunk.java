package org.movierec.data.movielens;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.movierec.data.Layout;
import org.movierec.data.LineProblem;
import org.movierec.data.SkippedLine;

/**
 * Parses the ratings lines of one part of a file, byte by byte, straight into the shared columns.
 * One instance per part and thread; parts start right after a line end, so every line lies in one
 * part.
 */
final class RatingsChunk {

  private static final int FIELDS = 4;
  private static final LineProblem[] PROBLEMS = LineProblem.values();

  private final Path file;
  private final ByteBuffer bytes;
  private final int start;
  private final int end;
  private final RatingLine parser;
  private final boolean failFast;
  private final boolean headerAllowed;
  private final IdMaps ids;

  private long countedLines;
  private long linesBefore;
  private int rows;
  private long lines;
  private final long[] skipCounts = new long[PROBLEMS.length];
  private final List<SkippedLine> examples = new ArrayList<>();
  private SkippedLine firstError;
  private SkippedLine headerProblem;

  /**
   * A part of a mapped file that starts at a line start and ends after a line end (or at the end of
   * the file).
   *
   * @param bytes the mapped bytes
   * @param start the first byte to read, past a byte-order mark in the first part
   * @param end one past the last byte
   * @param first whether the part starts the file, where a CSV header may be
   */
  record Part(ByteBuffer bytes, int start, int end, boolean first) {}

  /** A parser for one part of {@code file}, filling {@code ids}. */
  RatingsChunk(Path file, Part part, LineRules rules, boolean failFast, IdMaps ids) {
    this.file = file;
    this.bytes = part.bytes();
    this.start = part.start();
    this.end = part.end();
    this.failFast = failFast;
    this.headerAllowed = part.first() && rules.layout() == Layout.CSV;
    this.ids = ids;
    this.parser = new RatingLine(bytes, end, rules);
  }

  /**
   * Counts the lines that hold anything but a line end, less a header line when allowed: an upper
   * bound on the rows this part yields, exact for clean files.
   */
  long countDataLines() {
    long count = 0;
    long lineEnds = 0;
    boolean atLineStart = true;
    boolean headerPending = headerAllowed;
    byte previous = 0;
    for (int i = start; i < end; i++) {
      byte b = bytes.get(i);
      if (b == '\n' || b == '\r') {
        if (b == '\r' || previous != '\r') {
          lineEnds++;
        }
        atLineStart = true;
      } else if (atLineStart) {
        atLineStart = false;
        if (headerPending) {
          headerPending = false;
          if (isHeaderStart(b)) {
            continue;
          }
        }
        count++;
      }
      previous = b;
    }
    countedLines = lineEnds + (atLineStart ? 0 : 1);
    return count;
  }

  /** The number of lines {@link #countDataLines()} saw, blank ones included. */
  long countedLines() {
    return countedLines;
  }

  /** Numbers this part's lines from {@code linesBefore + 1} on. */
  void startAfterLine(long linesBefore) {
    this.linesBefore = linesBefore;
  }

  /**
   * Parses every line, writing good rows from index {@code offset} on; stops at the first bad line
   * in fail-fast mode.
   */
  void parse(RatingColumns columns, int offset) {
    scan(columns, offset, null);
  }

  /** Finds where (raw user, raw movie) pairs occur, by key {@code user << 32 | movie}. */
  void locate(Map<Long, PairLines> wanted) {
    scan(null, 0, wanted);
  }

  private void scan(RatingColumns columns, int offset, Map<Long, PairLines> wanted) {
    ByteBuffer in = bytes;
    int pos = start;
    int row = offset;
    long line = linesBefore;
    boolean headerPending = headerAllowed;
    while (pos < end) {
      if (!headerPending) {
        int fastEnd = parser.fast(pos);
        if (fastEnd >= 0) {
          line++;
          row = accept(columns, row, wanted, line, pos, fastEnd);
          pos = lineStartAfter(fastEnd);
          continue;
        }
      }
      int lineEnd = pos;
      byte b = 0;
      while (lineEnd < end) {
        b = in.get(lineEnd);
        if (b == '\n' || b == '\r') {
          break;
        }
        lineEnd++;
      }
      boolean terminated = lineEnd < end;
      int next;
      if (!terminated) {
        next = end;
      } else if (b == '\r' && lineEnd + 1 < end && in.get(lineEnd + 1) == '\n') {
        next = lineEnd + 2;
      } else {
        next = lineEnd + 1;
      }
      line++;
      if (lineEnd > pos) {
        if (headerPending) {
          headerPending = false;
          if (isHeaderStart(in.get(pos))) {
            checkHeader(pos, lineEnd, line);
            if (headerProblem != null) {
              break;
            }
            pos = next;
            continue;
          }
        }
        int problem = parser.careful(pos, lineEnd, terminated);
        if (problem == RatingLine.OK) {
          row = accept(columns, row, wanted, line, pos, lineEnd);
        } else if (problem != RatingLine.BLANK && !reject(PROBLEMS[problem], pos, lineEnd, line)) {
          break;
        }
      }
      pos = next;
    }
    rows = row - offset;
    lines = line - linesBefore;
  }

  /**
   * Takes the good line {@code [from, to)} just parsed: stores it as row {@code row} of the
   * columns, or, when locating, notes its line if its pair is wanted. Returns the next row.
   */
  private int accept(
      RatingColumns columns, int row, Map<Long, PairLines> wanted, long line, int from, int to) {
    if (wanted != null) {
      PairLines found = wanted.get(((long) parser.user() << 32) | parser.movie());
      if (found != null) {
        found.record(line, text(from, to));
      }
      return row;
    }
    columns.users[row] = ids.users().denseOf(parser.user());
    columns.movies[row] = ids.movies().denseOf(parser.movie());
    columns.ratings[row] = parser.rating();
    columns.timestamps[row] = (int) parser.timestamp();
    return row + 1;
  }

  /** The start of the line after a line that ends (its terminator starts) at {@code lineEnd}. */
  private int lineStartAfter(int lineEnd) {
    if (lineEnd >= end) {
      return end;
    }
    if (bytes.get(lineEnd) == '\r' && lineEnd + 1 < end && bytes.get(lineEnd + 1) == '\n') {
      return lineEnd + 2;
    }
    return lineEnd + 1;
  }

  private static boolean isHeaderStart(byte b) {
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b == '"';
  }

  private void checkHeader(int from, int to, long line) {
    String header = LineText.of(bytes, from, to);
    String[] names = header.split(",", -1);
    boolean ok = names.length == FIELDS;
    String[] expected = {"userid", "movieid", "rating", "timestamp"};
    for (int i = 0; ok && i < FIELDS; i++) {
      ok = names[i].trim().replace("\"", "").equalsIgnoreCase(expected[i]);
    }
    if (!ok) {
      LineProblem problem =
          names.length == 1 && parser.otherSeparator(from, to) != null
              ? LineProblem.WRONG_SEPARATOR
              : LineProblem.BAD_HEADER;
      String detail =
          problem == LineProblem.WRONG_SEPARATOR
              ? "the header is not separated by ','; found " + parser.otherSeparator(from, to)
              : "expected the header userId,movieId,rating,timestamp";
      headerProblem = new SkippedLine(file, line, problem, detail, header);
    }
  }

  /** Counts a bad line; returns whether parsing goes on. */
  private boolean reject(LineProblem problem, int from, int to, long line) {
    skipCounts[problem.ordinal()]++;
    if (failFast || !problem.skippable()) {
      firstError =
          new SkippedLine(file, line, problem, parser.describe(problem, from, to), text(from, to));
      return false;
    }
    if (examples.size() < ProblemLog.MAX_EXAMPLES) {
      examples.add(
          new SkippedLine(file, line, problem, parser.describe(problem, from, to), text(from, to)));
    }
    return true;
  }

  private String text(int from, int to) {
    return LineText.of(bytes, from, to);
  }

  /** The id maps this part filled. */
  IdMaps ids() {
    return ids;
  }

  /** The number of rows written. */
  int rows() {
    return rows;
  }

  /** The number of lines parsed, blank ones included. */
  long lines() {
    return lines;
  }

  /** Tells whether a rating off the whole-star grid was seen. */
  boolean needsHalfStars() {
    return parser.needsHalfStars();
  }

  /** Skipped lines counted by problem ordinal. */
  long[] skipCounts() {
    return skipCounts;
  }

  /** The first few skipped lines. */
  List<SkippedLine> examples() {
    return examples;
  }

  /** The bad line that stopped parsing, or {@code null}. */
  SkippedLine firstError() {
    return headerProblem != null ? headerProblem : firstError;
  }
}
