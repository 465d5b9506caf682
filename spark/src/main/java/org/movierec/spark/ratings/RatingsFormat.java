package org.movierec.spark.ratings;

import java.util.Locale;
import java.util.Optional;
import org.movierec.data.Layout;

/**
 * How a ratings input is stored: one of the MovieLens text layouts, Parquet, or detected from a
 * local path.
 */
public enum RatingsFormat {
  /** Detected: Parquet by name or content, otherwise the MovieLens layout the data module sees. */
  AUTO(null),
  /** Tab-separated {@code user movie rating time} lines, as ml-100k's {@code u.data}. */
  ML_100K(Layout.ML_100K),
  /** {@code ::}-separated lines, as ml-1m's and ml-10m's {@code ratings.dat}. */
  ML_1M(Layout.ML_1M),
  /** Comma-separated lines with a header, as {@code ratings.csv} of ml-20m and later. */
  CSV(Layout.CSV),
  /**
   * Parquet with integer columns {@code user} (or {@code userId}) and {@code movie} (or {@code
   * movieId}), a numeric {@code rating} and optionally {@code timestamp}.
   */
  PARQUET(null);

  private final Layout layout;

  RatingsFormat(Layout layout) {
    this.layout = layout;
  }

  /** The MovieLens layout of a text format; empty for {@link #AUTO} and {@link #PARQUET}. */
  public Optional<Layout> layout() {
    return Optional.ofNullable(layout);
  }

  /**
   * The format called {@code auto}, {@code parquet}, or a MovieLens layout or dataset name such as
   * {@code ml-100k} or {@code ml-25m}, ignoring case.
   *
   * @throws IllegalArgumentException naming the known formats
   */
  public static RatingsFormat parse(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    if (key.equals("auto")) {
      return AUTO;
    }
    if (key.equals("parquet")) {
      return PARQUET;
    }
    try {
      Layout parsed = Layout.parse(key);
      for (RatingsFormat format : values()) {
        if (format.layout == parsed) {
          return format;
        }
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown ratings format '" + name + "'; known: auto, parquet, ml-100k, ml-1m, csv", e);
    }
    throw new IllegalStateException("layout " + key + " has no ratings format");
  }
}
