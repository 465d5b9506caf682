package org.movierec.app.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.movierec.core.data.RatingScale;
import org.movierec.core.model.MovieRating;

/**
 * Reads the ratings of a user the model never saw, for {@code recommend --ratings}: one {@code
 * movie,rating} pair per line (a comma, tab or spaces between them), an optional header line naming
 * the movie column, blank lines and {@code #} comments ignored. Every problem is reported with the
 * file, the line number and the offending text.
 */
public final class UserRatingsFile {

  private static final String FORMAT = "each line holds a movie id and a rating, e.g. 50,5";

  private UserRatingsFile() {}

  /**
   * The ratings in a file, in file order.
   *
   * @param scale the model's scale; a rating outside its range is an error
   * @throws IllegalArgumentException naming the file, line and text of a bad line, a movie rated
   *     twice or a file without ratings
   * @throws IOException when the file cannot be read
   */
  public static List<MovieRating> read(Path file, RatingScale scale) throws IOException {
    List<MovieRating> ratings = new ArrayList<>();
    Map<Integer, Integer> firstLine = new HashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String text;
      int line = 0;
      while ((text = in.readLine()) != null) {
        line++;
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        String[] fields = trimmed.split("\\s*[,\\t]\\s*|\\s+");
        if (ratings.isEmpty() && firstLine.isEmpty() && isHeader(fields[0])) {
          continue;
        }
        if (fields.length != 2) {
          throw bad(file, line, fields.length + " fields instead of 2", text);
        }
        int movie = movieId(file, line, fields[0], text);
        float rating = rating(file, line, fields[1], text, scale);
        Integer earlier = firstLine.putIfAbsent(movie, line);
        if (earlier != null) {
          throw bad(file, line, "movie " + movie + " is already rated on line " + earlier, text);
        }
        ratings.add(new MovieRating(movie, rating));
      }
    }
    if (ratings.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no ratings; " + FORMAT);
    }
    return List.copyOf(ratings);
  }

  private static boolean isHeader(String first) {
    return first.toLowerCase(Locale.ROOT).startsWith("movie");
  }

  private static int movieId(Path file, int line, String field, String text) {
    try {
      int id = Integer.parseInt(field);
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(file, line, "movie id '" + field + "' is not a whole number >= 0", text);
  }

  private static float rating(Path file, int line, String field, String text, RatingScale scale) {
    float rating;
    try {
      rating = Float.parseFloat(field);
    } catch (NumberFormatException e) {
      throw bad(file, line, "rating '" + field + "' is not a number", text);
    }
    if (!(rating >= scale.min() && rating <= scale.max())) {
      throw bad(
          file,
          line,
          "rating " + field + " is outside the model's scale " + scale.min() + ".." + scale.max(),
          text);
    }
    return rating;
  }

  private static IllegalArgumentException bad(Path file, int line, String detail, String text) {
    return new IllegalArgumentException(
        file + " line " + line + ": " + detail + ": \"" + text + "\"; " + FORMAT);
  }
}
