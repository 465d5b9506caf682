package org.movierec.spark.ratings;

import java.io.Serializable;
import org.movierec.core.data.RatingScale;
import org.movierec.data.Layout;

/**
 * Parses one line of a MovieLens ratings file as a distributed reader sees it: without its line
 * number, so errors name the file and quote the line. The rules are the data module's: the layout's
 * separator, ids that are positive integers, ratings on the layout's scale (whole stars for
 * ml-100k, half stars otherwise), and a header line in CSV files.
 */
final class RatingsLineParser implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Layout layout;

  RatingsLineParser(Layout layout) {
    this.layout = layout;
  }

  /**
   * The rating on a line, or {@code null} for a blank line or a CSV header.
   *
   * @throws BadRatingsException naming the file, quoting the line and saying what is wrong
   */
  ParsedRating parse(String line, String file) {
    if (line.isBlank() || (layout == Layout.CSV && isHeader(line))) {
      return null;
    }
    String[] fields = line.strip().split(java.util.regex.Pattern.quote(layout.separator()), -1);
    if (fields.length != 4) {
      throw bad(
          file,
          line,
          fields.length
              + " fields separated by "
              + layout.separatorName()
              + "; expected 4: user, movie, rating, timestamp ("
              + layout.id()
              + " layout; pass --format if this file has another)");
    }
    int user = id(fields[0], "user id", file, line);
    int movie = id(fields[1], "movie id", file, line);
    float rating;
    try {
      rating = Float.parseFloat(fields[2].strip());
    } catch (NumberFormatException e) {
      throw bad(file, line, "rating '" + fields[2] + "' is not a number");
    }
    RatingScale scale = layout == Layout.ML_100K ? RatingScale.WHOLE_STARS : RatingScale.HALF_STARS;
    if (!scale.allows(rating)) {
      throw bad(file, line, "rating " + fields[2] + " is not on the " + scale + " scale");
    }
    long timestamp;
    try {
      timestamp = Long.parseLong(fields[3].strip());
    } catch (NumberFormatException e) {
      throw bad(file, line, "timestamp '" + fields[3] + "' is not a whole number of seconds");
    }
    return new ParsedRating(user, movie, rating, timestamp);
  }

  /** One good line. */
  record ParsedRating(int user, int movie, float rating, long timestamp) {}

  private static boolean isHeader(String line) {
    char first = line.strip().charAt(0);
    return first < '0' || first > '9';
  }

  private static int id(String text, String what, String file, String line) {
    try {
      int id = Integer.parseInt(text.strip());
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below with the line
    }
    throw bad(file, line, what + " '" + text + "' is not a non-negative integer");
  }

  private static BadRatingsException bad(String file, String line, String problem) {
    return new BadRatingsException(file + ": bad ratings line '" + line.strip() + "': " + problem);
  }
}
