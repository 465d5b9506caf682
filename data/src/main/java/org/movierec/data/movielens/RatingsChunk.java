package org.movierec.data.movielens;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.movierec.core.data.GrowingIdMap;
import org.movierec.core.data.RatingScale;
import org.movierec.data.Layout;
import org.movierec.data.LineProblem;
import org.movierec.data.SkippedLine;

/**
 * Parses the ratings lines of one part of a file, byte by byte, straight into the shared columns.
 * One instance per part and thread; parts start right after a line end, so every line lies in one
 * part.
 */
final class RatingsChunk {

  /** 2100-01-01T00:00:00Z: later timestamps are taken for milliseconds or garbage. */
  static final long MAX_TIMESTAMP = 4_102_444_800L;

  private static final int FIELDS = 4;
  private static final String[] FIELD_NAMES = {"user id", "movie id", "rating", "timestamp"};
  private static final double[] POW10 = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  private static final int OK = -1;
  private static final int BLANK = -2;
  private static final LineProblem[] PROBLEMS = LineProblem.values();

  private final Path file;
  private final ByteBuffer bytes;
  private final int start;
  private final int end;
  private final Layout layout;
  private final byte separator;
  private final boolean doubleColon;
  private final RatingScale checkScale;
  private final boolean failFast;
  private final boolean headerAllowed;
  private final GrowingIdMap users;
  private final GrowingIdMap movies;

  private final int[] fieldStart = new int[FIELDS + 1];
  private final int[] fieldEnd = new int[FIELDS + 1];
  private int fieldCount;
  private int badField;
  private int rawUser;
  private int rawMovie;
  private float rating;
  private long timestamp;

  private long countedLines;
  private long linesBefore;
  private int rows;
  private long lines;
  private boolean needsHalfStars;
  private final long[] skipCounts = new long[PROBLEMS.length];
  private final List<SkippedLine> examples = new ArrayList<>();
  private SkippedLine firstError;
  private SkippedLine headerProblem;

  /**
   * A parser for the bytes {@code [start, end)} of {@code bytes}.
   *
   * @param checkScale the scale every rating must be on
   * @param headerAllowed whether the first non-blank line may be a CSV header
   */
  RatingsChunk(
      Path file,
      ByteBuffer bytes,
      int start,
      int end,
      Layout layout,
      RatingScale checkScale,
      boolean failFast,
      boolean headerAllowed,
      GrowingIdMap users,
      GrowingIdMap movies) {
    this.file = file;
    this.bytes = bytes;
    this.start = start;
    this.end = end;
    this.layout = layout;
    this.separator = (byte) layout.separator().charAt(0);
    this.doubleColon = layout.separator().length() == 2;
    this.checkScale = checkScale;
    this.failFast = failFast;
    this.headerAllowed = headerAllowed;
    this.users = users;
    this.movies = movies;
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
  void parse(
      int[] userColumn, int[] movieColumn, float[] ratingColumn, int[] timeColumn, int offset) {
    scan(userColumn, movieColumn, ratingColumn, timeColumn, offset, null);
  }

  /** Finds where (raw user, raw movie) pairs occur, by key {@code user << 32 | movie}. */
  void locate(Map<Long, PairLines> wanted) {
    scan(null, null, null, null, 0, wanted);
  }

  private void scan(
      int[] userColumn,
      int[] movieColumn,
      float[] ratingColumn,
      int[] timeColumn,
      int offset,
      Map<Long, PairLines> wanted) {
    ByteBuffer in = bytes;
    int pos = start;
    int row = offset;
    long line = linesBefore;
    boolean headerPending = headerAllowed;
    while (pos < end) {
      if (!headerPending) {
        int fastEnd = fastLine(pos);
        if (fastEnd >= 0) {
          line++;
          if (wanted != null) {
            remember(wanted, line, pos, fastEnd);
          } else {
            userColumn[row] = users.denseOf(rawUser);
            movieColumn[row] = movies.denseOf(rawMovie);
            ratingColumn[row] = rating;
            timeColumn[row] = (int) timestamp;
            row++;
          }
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
        int problem = parseLine(pos, lineEnd, terminated);
        if (problem == OK) {
          if (wanted != null) {
            remember(wanted, line, pos, lineEnd);
          } else {
            userColumn[row] = users.denseOf(rawUser);
            movieColumn[row] = movies.denseOf(rawMovie);
            ratingColumn[row] = rating;
            timeColumn[row] = (int) timestamp;
            row++;
          }
        } else if (problem != BLANK && !reject(PROBLEMS[problem], pos, lineEnd, line)) {
          break;
        }
      }
      pos = next;
    }
    rows = row - offset;
    lines = line - linesBefore;
  }

  private void remember(Map<Long, PairLines> wanted, long line, int from, int to) {
    PairLines found = wanted.get(((long) rawUser << 32) | rawMovie);
    if (found != null) {
      found.record(line, text(from, to));
    }
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

  /**
   * Parses a well-formed line in one pass over its bytes: ids of up to 9 digits, a plain decimal
   * rating on the scale, a timestamp in range. Returns where the line ends, or {@code -1} to leave
   * the line, good or bad, to the careful path.
   */
  private int fastLine(int from) {
    ByteBuffer in = bytes;
    int i = from;
    long user = 0;
    int digits = 0;
    byte b;
    while (i < end && (b = in.get(i)) >= '0' && b <= '9') {
      user = user * 10 + (b - '0');
      i++;
      digits++;
    }
    if (digits == 0 || digits > 9 || (i = afterSeparator(i)) < 0) {
      return -1;
    }
    long movie = 0;
    digits = 0;
    while (i < end && (b = in.get(i)) >= '0' && b <= '9') {
      movie = movie * 10 + (b - '0');
      i++;
      digits++;
    }
    if (digits == 0 || digits > 9 || (i = afterSeparator(i)) < 0) {
      return -1;
    }
    long mantissa = 0;
    digits = 0;
    int decimals = 0;
    while (i < end && (b = in.get(i)) >= '0' && b <= '9') {
      mantissa = mantissa * 10 + (b - '0');
      i++;
      digits++;
    }
    if (i < end && in.get(i) == '.') {
      i++;
      while (i < end && (b = in.get(i)) >= '0' && b <= '9') {
        mantissa = mantissa * 10 + (b - '0');
        i++;
        digits++;
        decimals++;
      }
    }
    if (digits == 0 || digits >= POW10.length || (i = afterSeparator(i)) < 0) {
      return -1;
    }
    float value = (float) (mantissa / POW10[decimals]);
    if (!checkScale.allows(value)) {
      return -1;
    }
    long time = 0;
    digits = 0;
    while (i < end && (b = in.get(i)) >= '0' && b <= '9') {
      time = time * 10 + (b - '0');
      i++;
      digits++;
    }
    if (digits == 0 || digits > 10 || time > MAX_TIMESTAMP) {
      return -1;
    }
    if (i < end && (b = in.get(i)) != '\n' && b != '\r') {
      return -1;
    }
    if (value != (float) Math.rint(value)) {
      needsHalfStars = true;
    }
    rawUser = (int) user;
    rawMovie = (int) movie;
    rating = value;
    timestamp = time;
    return i;
  }

  /** The position after the separator at {@code i}, or {@code -1} when there is none. */
  private int afterSeparator(int i) {
    if (i >= end || bytes.get(i) != separator) {
      return -1;
    }
    if (!doubleColon) {
      return i + 1;
    }
    return i + 1 < end && bytes.get(i + 1) == ':' ? i + 2 : -1;
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
          names.length == 1 && otherSeparator(from, to) != null
              ? LineProblem.WRONG_SEPARATOR
              : LineProblem.BAD_HEADER;
      String detail =
          problem == LineProblem.WRONG_SEPARATOR
              ? "the header is not separated by ','; found " + otherSeparator(from, to)
              : "expected the header userId,movieId,rating,timestamp";
      headerProblem = new SkippedLine(file, line, problem, detail, header);
    }
  }

  private int parseLine(int from, int to, boolean terminated) {
    byte first = bytes.get(from);
    if ((first == ' ' || first == '\t') && isBlank(from, to)) {
      return BLANK;
    }
    split(from, to);
    if (fieldCount != FIELDS) {
      if (!terminated && fieldCount < FIELDS) {
        return LineProblem.TRUNCATED_LAST_LINE.ordinal();
      }
      if (fieldCount == 1 && otherSeparator(from, to) != null) {
        return LineProblem.WRONG_SEPARATOR.ordinal();
      }
      return LineProblem.WRONG_FIELD_COUNT.ordinal();
    }
    long user = parseId(0);
    if (user < 0) {
      return problemOf(user);
    }
    long movie = parseId(1);
    if (movie < 0) {
      return problemOf(movie);
    }
    int ratingProblem = parseRating();
    if (ratingProblem != OK) {
      return ratingProblem;
    }
    int timeProblem = parseTimestamp();
    if (timeProblem != OK) {
      return timeProblem;
    }
    rawUser = (int) user;
    rawMovie = (int) movie;
    return OK;
  }

  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes.get(i);
      if (b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private void split(int from, int to) {
    int count = 0;
    fieldStart[0] = from;
    for (int i = from; i < to; i++) {
      if (bytes.get(i) == separator) {
        if (doubleColon) {
          if (i + 1 >= to || bytes.get(i + 1) != ':') {
            continue;
          }
          fieldEnd[count] = i;
          i++;
        } else {
          fieldEnd[count] = i;
        }
        count++;
        if (count == FIELDS + 1) {
          fieldCount = count;
          return;
        }
        fieldStart[count] = i + 1;
      }
    }
    fieldEnd[count] = to;
    fieldCount = count + 1;
  }

  /** A separator of another layout found in the line, or {@code null}. */
  private String otherSeparator(int from, int to) {
    for (int i = from; i < to; i++) {
      byte b = bytes.get(i);
      if (b != separator || doubleColon) {
        switch (b) {
          case '\t':
            return "tab";
          case ',', ';', '|', ' ':
            return "'" + (char) b + "'";
          case ':':
            return i + 1 < to && bytes.get(i + 1) == ':' ? "'::'" : "':'";
          default:
            break;
        }
      }
    }
    return null;
  }

  /** The problem ordinal that {@link #parseId} encoded in a negative result. */
  private static int problemOf(long encoded) {
    return (int) (-1 - encoded);
  }

  /** The id in a field, or {@code -1 - ordinal} of its problem. */
  private long parseId(int field) {
    badField = field;
    int from = fieldStart[field];
    int to = fieldEnd[field];
    if (from == to) {
      return -1 - LineProblem.BAD_ID.ordinal();
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      int digit = bytes.get(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1 - LineProblem.BAD_ID.ordinal();
      }
      if (value <= Integer.MAX_VALUE) {
        value = value * 10 + digit;
      }
    }
    return value > Integer.MAX_VALUE ? -1 - LineProblem.ID_OUT_OF_RANGE.ordinal() : value;
  }

  private int parseRating() {
    badField = 2;
    int from = fieldStart[2];
    int to = fieldEnd[2];
    int i = from;
    long mantissa = 0;
    int digits = 0;
    int decimals = 0;
    while (i < to && isDigit(bytes.get(i))) {
      mantissa = mantissa * 10 + (bytes.get(i) - '0');
      digits++;
      i++;
    }
    if (i < to && bytes.get(i) == '.') {
      i++;
      while (i < to && isDigit(bytes.get(i))) {
        mantissa = mantissa * 10 + (bytes.get(i) - '0');
        digits++;
        decimals++;
        i++;
      }
    }
    float value;
    if (i == to && digits > 0 && digits < POW10.length) {
      value = (float) (mantissa / POW10[decimals]);
    } else {
      String text = ascii(from, to);
      if (NumberText.isDecimal(text)) {
        value = Float.parseFloat(text);
      } else if (NumberText.isNonFinite(text)) {
        return LineProblem.NON_FINITE_RATING.ordinal();
      } else {
        return LineProblem.BAD_RATING.ordinal();
      }
    }
    if (!Float.isFinite(value)) {
      return LineProblem.NON_FINITE_RATING.ordinal();
    }
    if (!checkScale.allows(value)) {
      return value < checkScale.min() || value > checkScale.max()
          ? LineProblem.RATING_OFF_SCALE.ordinal()
          : LineProblem.RATING_OFF_STEP.ordinal();
    }
    if (value != (float) Math.rint(value)) {
      needsHalfStars = true;
    }
    rating = value;
    return OK;
  }

  private int parseTimestamp() {
    badField = 3;
    int from = fieldStart[3];
    int to = fieldEnd[3];
    boolean negative = from < to && bytes.get(from) == '-';
    int digitsFrom = negative ? from + 1 : from;
    if (digitsFrom == to) {
      return LineProblem.BAD_TIMESTAMP.ordinal();
    }
    long value = 0;
    for (int i = digitsFrom; i < to; i++) {
      byte b = bytes.get(i);
      if (!isDigit(b)) {
        return LineProblem.BAD_TIMESTAMP.ordinal();
      }
      if (value <= MAX_TIMESTAMP) {
        value = value * 10 + (b - '0');
      }
    }
    if (negative || value > MAX_TIMESTAMP) {
      return LineProblem.TIMESTAMP_OUT_OF_RANGE.ordinal();
    }
    timestamp = value;
    return OK;
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private String ascii(int from, int to) {
    byte[] copy = new byte[Math.min(to - from, LineText.MAX_CHARS)];
    bytes.get(from, copy, 0, copy.length);
    return new String(copy, StandardCharsets.ISO_8859_1);
  }

  /** Counts a bad line; returns whether parsing goes on. */
  private boolean reject(LineProblem problem, int from, int to, long line) {
    skipCounts[problem.ordinal()]++;
    if (failFast || !problem.skippable()) {
      firstError =
          new SkippedLine(file, line, problem, describe(problem, from, to), text(from, to));
      return false;
    }
    if (examples.size() < ProblemLog.MAX_EXAMPLES) {
      examples.add(
          new SkippedLine(file, line, problem, describe(problem, from, to), text(from, to)));
    }
    return true;
  }

  private String text(int from, int to) {
    return LineText.of(bytes, from, to);
  }

  private String describe(LineProblem problem, int from, int to) {
    String field = badField < fieldCount ? ascii(fieldStart[badField], fieldEnd[badField]) : "";
    String name = FIELD_NAMES[badField];
    return switch (problem) {
      case WRONG_FIELD_COUNT ->
          "expected "
              + FIELDS
              + " fields separated by "
              + layout.separatorName()
              + ", found "
              + (fieldCount > FIELDS ? "more" : fieldCount);
      case TRUNCATED_LAST_LINE ->
          "the last line has no line end and only " + fieldCount + " of " + FIELDS + " fields";
      case WRONG_SEPARATOR ->
          "expected fields separated by "
              + layout.separatorName()
              + " ("
              + layout.id()
              + " layout), found "
              + otherSeparator(from, to);
      case BAD_ID -> name + " '" + field + "' is not a non-negative whole number";
      case ID_OUT_OF_RANGE -> name + " " + field + " is larger than " + Integer.MAX_VALUE;
      case BAD_RATING -> "rating '" + field + "' is not a number";
      case NON_FINITE_RATING -> "rating '" + field + "' is not a finite number";
      case RATING_OFF_SCALE -> "rating " + field + " is outside the scale " + checkScale;
      case RATING_OFF_STEP -> "rating " + field + " is not on a step of the scale " + checkScale;
      case BAD_TIMESTAMP -> "timestamp '" + field + "' is not a whole number of seconds";
      case TIMESTAMP_OUT_OF_RANGE ->
          field.startsWith("-")
              ? "timestamp " + field + " is negative"
              : "timestamp "
                  + field
                  + " is after 2100-01-01; expected seconds since 1970 (milliseconds?)";
      default -> problem.label();
    };
  }

  /** The user id map this part filled. */
  GrowingIdMap users() {
    return users;
  }

  /** The movie id map this part filled. */
  GrowingIdMap movies() {
    return movies;
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
    return needsHalfStars;
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
