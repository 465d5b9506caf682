package org.movierec.data.stats;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.data.LineProblem;
import org.movierec.data.ReadReport;
import org.movierec.data.ReadResult;

/**
 * What a dataset holds: counts of ratings, users and movies (those with at least one rating), the
 * scale and histogram, the time range, the density of the rating matrix and the lines skipped while
 * reading. {@link #toJsonMap()} gives the form {@code movierec stats --json} prints.
 *
 * @param ratings the number of ratings
 * @param users the number of users with a rating
 * @param movies the number of movies with a rating
 * @param catalogMovies the number of movies with a title
 * @param scale the rating scale
 * @param meanRating the mean rating, {@code NaN} when there is none
 * @param histogram how many ratings each value got, lowest value first
 * @param firstTimestamp the earliest rating time in seconds since 1970, when there is a rating
 * @param lastTimestamp the latest rating time in seconds since 1970, when there is a rating
 * @param report what was read and skipped
 */
public record DatasetStats(
    long ratings,
    int users,
    int movies,
    int catalogMovies,
    RatingScale scale,
    double meanRating,
    List<Bin> histogram,
    OptionalLong firstTimestamp,
    OptionalLong lastTimestamp,
    ReadReport report) {

  /**
   * One bar of the rating histogram.
   *
   * @param rating the rating value
   * @param count how many ratings have it
   */
  public record Bin(float rating, long count) {}

  /** Copies the histogram and rejects missing parts. */
  public DatasetStats {
    Objects.requireNonNull(scale, "scale");
    histogram = List.copyOf(histogram);
    Objects.requireNonNull(firstTimestamp, "firstTimestamp");
    Objects.requireNonNull(lastTimestamp, "lastTimestamp");
    Objects.requireNonNull(report, "report");
  }

  /** The statistics of a dataset as read. */
  public static DatasetStats of(ReadResult result) {
    return of(result.dataset(), result.report());
  }

  /** The statistics of a dataset, with the report of how it was read. */
  public static DatasetStats of(RatingDataset data, ReadReport report) {
    boolean[] rated = new boolean[data.users().size()];
    boolean[] ratedMovies = new boolean[data.movies().size()];
    Histogram histogram = new Histogram(data.scale());
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    double sum = 0;
    for (int row = 0; row < data.size(); row++) {
      rated[data.userIndex(row)] = true;
      ratedMovies[data.movieIndex(row)] = true;
      float rating = data.rating(row);
      histogram.add(rating);
      sum += rating;
      long time = data.timestamp(row);
      first = Math.min(first, time);
      last = Math.max(last, time);
    }
    boolean empty = data.size() == 0;
    return new DatasetStats(
        data.size(),
        count(rated),
        count(ratedMovies),
        data.catalog().size(),
        data.scale(),
        empty ? Double.NaN : sum / data.size(),
        histogram.bins(),
        empty ? OptionalLong.empty() : OptionalLong.of(first),
        empty ? OptionalLong.empty() : OptionalLong.of(last),
        report);
  }

  /** The share of the user-by-movie matrix that holds a rating, 0 for an empty dataset. */
  public double density() {
    return users == 0 || movies == 0 ? 0 : ratings / ((double) users * movies);
  }

  /** The number of lines skipped while reading. */
  public long skippedLines() {
    return report.skippedLines();
  }

  /**
   * The statistics as JSON-ready values under snake_case keys, in a stable order: {@code ratings},
   * {@code users}, {@code movies}, {@code catalog_movies}, {@code rating_min}, {@code rating_max},
   * {@code rating_step}, {@code mean_rating}, {@code histogram} (rating text to count), {@code
   * first_timestamp}, {@code last_timestamp}, {@code first_time}, {@code last_time} (ISO-8601 UTC,
   * absent when empty), {@code density}, {@code layout}, {@code files}, {@code lines}, {@code
   * skipped_lines}, {@code skipped} (problem label to count).
   */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ratings", ratings);
    json.put("users", users);
    json.put("movies", movies);
    json.put("catalog_movies", catalogMovies);
    json.put("rating_min", scale.min());
    json.put("rating_max", scale.max());
    json.put("rating_step", scale.step());
    json.put("mean_rating", Double.isNaN(meanRating) ? null : meanRating);
    Map<String, Long> bins = new LinkedHashMap<>();
    for (Bin bin : histogram) {
      bins.put(ratingText(bin.rating()), bin.count());
    }
    json.put("histogram", bins);
    firstTimestamp.ifPresent(time -> json.put("first_timestamp", time));
    lastTimestamp.ifPresent(time -> json.put("last_timestamp", time));
    firstTimestamp.ifPresent(
        time -> json.put("first_time", Instant.ofEpochSecond(time).toString()));
    lastTimestamp.ifPresent(time -> json.put("last_time", Instant.ofEpochSecond(time).toString()));
    json.put("density", density());
    json.put("layout", report.layout().id());
    json.put("files", report.files().stream().map(Object::toString).toList());
    json.put("lines", report.lines());
    json.put("skipped_lines", skippedLines());
    Map<String, Long> skipped = new LinkedHashMap<>();
    for (Map.Entry<LineProblem, Long> entry : report.skipped().entrySet()) {
      skipped.put(entry.getKey().label(), entry.getValue());
    }
    json.put("skipped", skipped);
    return json;
  }

  /** A few lines for people: counts, scale, mean, histogram, period, density, skipped lines. */
  public String summary() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%,d ratings from %,d users on %,d movies (%,d titles), %s layout%n",
            ratings,
            users,
            movies,
            catalogMovies,
            report.layout().id()));
    text.append(String.format(Locale.ROOT, "scale %s, mean %.3f%n", scale, meanRating));
    for (Bin bin : histogram) {
      double share = ratings == 0 ? 0 : 100.0 * bin.count() / ratings;
      text.append(
          String.format(
              Locale.ROOT, "  %5s %,12d  %5.1f%%%n", ratingText(bin.rating()), bin.count(), share));
    }
    if (firstTimestamp.isPresent() && lastTimestamp.isPresent()) {
      text.append("from ")
          .append(Instant.ofEpochSecond(firstTimestamp.getAsLong()))
          .append(" to ")
          .append(Instant.ofEpochSecond(lastTimestamp.getAsLong()))
          .append(System.lineSeparator());
    }
    text.append(String.format(Locale.ROOT, "density %.4f%%%n", 100 * density()));
    text.append("skipped lines: ").append(skippedLines());
    if (skippedLines() > 0) {
      text.append(" (").append(report.skippedSummary()).append(')');
    }
    return text.toString();
  }

  private static String ratingText(float rating) {
    return rating == Math.rint(rating) ? Integer.toString((int) rating) : Float.toString(rating);
  }

  private static int count(boolean[] flags) {
    int count = 0;
    for (boolean flag : flags) {
      if (flag) {
        count++;
      }
    }
    return count;
  }
}
