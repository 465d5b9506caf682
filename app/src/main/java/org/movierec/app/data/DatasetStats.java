package org.movierec.app.data;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;

/**
 * What {@code movierec stats} reports about a dataset.
 *
 * @param ratings the number of ratings
 * @param users the users with at least one rating
 * @param movies the movies with at least one rating
 * @param scale the rating scale
 * @param histogram the count of each rating value, lowest first
 * @param firstTime the earliest rating time, seconds since 1970
 * @param lastTime the latest rating time, seconds since 1970
 * @param meanRating the mean rating
 */
public record DatasetStats(
    int ratings,
    int users,
    int movies,
    RatingScale scale,
    Map<Float, Long> histogram,
    long firstTime,
    long lastTime,
    double meanRating) {

  /** Copies the histogram. */
  public DatasetStats {
    histogram = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(histogram));
  }

  /** Counts everything in one pass over the rows. */
  public static DatasetStats of(RatingDataset data) {
    boolean[] seenUsers = new boolean[data.users().size()];
    boolean[] seenMovies = new boolean[data.movies().size()];
    java.util.TreeMap<Float, Long> histogram = new java.util.TreeMap<>();
    int users = 0;
    int movies = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    double sum = 0;
    for (int row = 0; row < data.size(); row++) {
      if (!seenUsers[data.userIndex(row)]) {
        seenUsers[data.userIndex(row)] = true;
        users++;
      }
      if (!seenMovies[data.movieIndex(row)]) {
        seenMovies[data.movieIndex(row)] = true;
        movies++;
      }
      histogram.merge(data.rating(row), 1L, Long::sum);
      first = Math.min(first, data.timestamp(row));
      last = Math.max(last, data.timestamp(row));
      sum += data.rating(row);
    }
    return new DatasetStats(
        data.size(),
        users,
        movies,
        data.scale(),
        histogram,
        data.size() == 0 ? 0 : first,
        data.size() == 0 ? 0 : last,
        data.size() == 0 ? Double.NaN : sum / data.size());
  }

  /** The share of the user-movie matrix that holds a rating. */
  public double density() {
    return users == 0 || movies == 0 ? 0 : ratings / ((double) users * movies);
  }

  /** The fields {@code stats --json} prints, besides what the reader reports. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("ratings", ratings);
    json.put("users", users);
    json.put("movies", movies);
    json.put("rating_min", scale.min());
    json.put("rating_max", scale.max());
    json.put("rating_step", scale.step());
    json.put("mean_rating", meanRating);
    Map<String, Long> counts = new LinkedHashMap<>();
    histogram.forEach((rating, count) -> counts.put(rating.toString(), count));
    json.put("histogram", counts);
    json.put("first_time", ratings == 0 ? null : Instant.ofEpochSecond(firstTime).toString());
    json.put("last_time", ratings == 0 ? null : Instant.ofEpochSecond(lastTime).toString());
    json.put("density", density());
    return json;
  }
}
