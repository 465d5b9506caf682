package org.movierec.data;

/** Why a line, or a whole file, was refused; the key under which skipped lines are counted. */
public enum LineProblem {
  /** The line has more or fewer fields than the layout has. */
  WRONG_FIELD_COUNT,
  /** The line is one field that another separator would split: the file uses another layout. */
  WRONG_SEPARATOR,
  /** The last line has no line end and too few fields: the file was cut short. */
  TRUNCATED_LAST_LINE,
  /** A user or movie id is not a non-negative whole number. */
  BAD_ID,
  /** A user or movie id is a whole number too large for a 32-bit int. */
  ID_OUT_OF_RANGE,
  /** The rating is not a number. */
  BAD_RATING,
  /** The rating is NaN or infinite. */
  NON_FINITE_RATING,
  /** The rating lies outside the scale's range. */
  RATING_OFF_SCALE,
  /** The rating lies inside the range but between two steps of the scale. */
  RATING_OFF_STEP,
  /** The timestamp is not a whole number of seconds. */
  BAD_TIMESTAMP,
  /** The timestamp is negative or after the year 2100, e.g. milliseconds instead of seconds. */
  TIMESTAMP_OUT_OF_RANGE,
  /** The same user rated the same movie on an earlier line. */
  DUPLICATE_PAIR,
  /** A movie metadata line cannot be read (bad id, field count or genre flags). */
  BAD_MOVIE_LINE,
  /** The header row does not name the expected columns. */
  BAD_HEADER,
  /** The file holds no byte, or nothing but blank lines and a header. */
  EMPTY_FILE,
  /** The content matches no MovieLens layout. */
  UNKNOWN_LAYOUT;

  /** Tells whether a reader in {@link BadLinePolicy#SKIP} mode may skip this problem. */
  public boolean skippable() {
    return switch (this) {
      case BAD_HEADER, EMPTY_FILE, UNKNOWN_LAYOUT -> false;
      default -> true;
    };
  }

  /** The lower-case, dash-separated name used in reports, e.g. {@code wrong-field-count}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
