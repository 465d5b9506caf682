package org.movierec.data.movielens;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.movierec.core.data.RatingScale;
import org.movierec.data.Layout;
import org.movierec.data.LineProblem;

/**
 * Parses one ratings line of a buffer: a fused fast path for well-formed lines, and a careful path
 * that splits the fields first, so that any problem can be named precisely. The parsed values stay
 * in this object until the next line.
 */
final class RatingLine {

  /** 2100-01-01T00:00:00Z: later timestamps are taken for milliseconds or garbage. */
  static final long MAX_TIMESTAMP = 4_102_444_800L;

  /** What {@link #careful} returns for a good line. */
  static final int OK = -1;

  /** What {@link #careful} returns for a line of blanks. */
  static final int BLANK = -2;

  private static final int FIELDS = 4;
  private static final String[] FIELD_NAMES = {"user id", "movie id", "rating", "timestamp"};
  private static final double[] POW10 = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

  private final ByteBuffer bytes;
  private final int end;
  private final Layout layout;
  private final byte separator;
  private final boolean doubleColon;
  private final RatingScale checkScale;

  private final int[] fieldStart = new int[FIELDS + 1];
  private final int[] fieldEnd = new int[FIELDS + 1];
  private int fieldCount;
  private int badField;
  private int rawUser;
  private int rawMovie;
  private float rating;
  private long timestamp;
  private boolean needsHalfStars;
  private long number;

  /** A parser of lines in {@code bytes} before {@code end}. */
  RatingLine(ByteBuffer bytes, int end, LineRules rules) {
    this.bytes = bytes;
    this.end = end;
    this.layout = rules.layout();
    this.separator = (byte) layout.separator().charAt(0);
    this.doubleColon = layout.separator().length() == 2;
    this.checkScale = rules.scale();
  }

  /** The raw user id of the last good line. */
  int user() {
    return rawUser;
  }

  /** The raw movie id of the last good line. */
  int movie() {
    return rawMovie;
  }

  /** The rating of the last good line. */
  float rating() {
    return rating;
  }

  /** The timestamp of the last good line. */
  long timestamp() {
    return timestamp;
  }

  /** Tells whether a good line had a rating off the whole-star grid. */
  boolean needsHalfStars() {
    return needsHalfStars;
  }

  /**
   * Parses a well-formed line in one pass over its bytes: ids of up to 9 digits, a plain decimal
   * rating on the scale, a timestamp in range. Returns where the line ends, or {@code -1} to leave
   * the line, good or bad, to the careful path.
   */
  int fast(int from) {
    int i = digits(from);
    if (i == from || i - from > 9) {
      return -1;
    }
    long user = number;
    int at = afterSeparator(i);
    i = at < 0 ? at : digits(at);
    if (i <= at || i - at > 9) {
      return -1;
    }
    long movie = number;
    at = afterSeparator(i);
    i = at < 0 ? at : digits(at);
    if (i < 0) {
      return -1;
    }
    long mantissa = number;
    int count = i - at;
    int decimals = 0;
    if (i < end && bytes.get(i) == '.') {
      int fraction = i + 1;
      i = digits(fraction);
      decimals = i - fraction;
      count += decimals;
      if (count >= POW10.length) {
        return -1;
      }
      mantissa = mantissa * (long) POW10[decimals] + number;
    }
    if (count == 0 || count >= POW10.length) {
      return -1;
    }
    float value = (float) (mantissa / POW10[decimals]);
    at = afterSeparator(i);
    i = at < 0 ? at : digits(at);
    if (i <= at || i - at > 10 || number > MAX_TIMESTAMP || !checkScale.allows(value)) {
      return -1;
    }
    byte b;
    if (i < end && (b = bytes.get(i)) != '\n' && b != '\r') {
      return -1;
    }
    if (value != (float) Math.rint(value)) {
      needsHalfStars = true;
    }
    rawUser = (int) user;
    rawMovie = (int) movie;
    rating = value;
    timestamp = number;
    return i;
  }

  /** Reads the digits from {@code from} on into {@link #number}; returns where they end. */
  private int digits(int from) {
    long value = 0;
    int i = from;
    byte b;
    while (i < end && (b = bytes.get(i)) >= '0' && b <= '9') {
      value = value * 10 + (b - '0');
      i++;
    }
    number = value;
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

  /**
   * Parses the line {@code [from, to)}: {@link #OK}, {@link #BLANK}, or the ordinal of its problem.
   *
   * @param terminated whether a line end follows, which tells a truncated last line apart
   */
  int careful(int from, int to, boolean terminated) {
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
  String otherSeparator(int from, int to) {
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

  /** What exactly is wrong with the line {@code [from, to)} that {@link #careful} refused. */
  String describe(LineProblem problem, int from, int to) {
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
}
