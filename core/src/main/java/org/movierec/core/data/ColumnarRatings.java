package org.movierec.core.data;

import java.util.Objects;

/**
 * The standard {@link RatingDataset}: primitive columns, so one rating costs 13 bytes (user and
 * movie indices, one byte for the rating on a scale of at most 256 levels, 32-bit seconds), or 16
 * on a continuous scale. Timestamps are kept as unsigned 32-bit seconds, enough until 2106.
 */
public final class ColumnarRatings implements RatingDataset {

  private final int[] users;
  private final int[] movies;
  private final RatingColumn ratings;
  private final int[] timestamps;
  private final IdIndex userIndex;
  private final IdIndex movieIndex;
  private final RatingScale scale;
  private final MovieCatalog catalog;

  private ColumnarRatings(
      int[] users, int[] movies, RatingColumn ratings, int[] timestamps, ColumnarRatings parent) {
    this.users = users;
    this.movies = movies;
    this.ratings = ratings;
    this.timestamps = timestamps;
    this.userIndex = parent.userIndex;
    this.movieIndex = parent.movieIndex;
    this.scale = parent.scale;
    this.catalog = parent.catalog;
  }

  /**
   * Wraps columns without copying the index and time columns; the caller hands them over and must
   * not change them. The rating column is re-encoded in the most compact exact form, so the
   * caller's float array can be dropped.
   *
   * @throws IllegalArgumentException when the columns differ in length or an index is out of range
   */
  public ColumnarRatings(
      Columns columns, IdIndex users, IdIndex movies, RatingScale scale, MovieCatalog catalog) {
    this.users = columns.users();
    this.movies = columns.movies();
    this.timestamps = columns.timestamps();
    this.userIndex = Objects.requireNonNull(users, "users");
    this.movieIndex = Objects.requireNonNull(movies, "movies");
    this.scale = Objects.requireNonNull(scale, "scale");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.ratings = RatingColumn.of(columns.ratings(), scale);
    for (int row = 0; row < this.users.length; row++) {
      if (this.users[row] < 0 || this.users[row] >= users.size()) {
        throw new IllegalArgumentException("row " + row + ": user index out of range");
      }
      if (this.movies[row] < 0 || this.movies[row] >= movies.size()) {
        throw new IllegalArgumentException("row " + row + ": movie index out of range");
      }
    }
  }

  /**
   * The four columns of a ratings table, of equal length.
   *
   * @param users dense user indices
   * @param movies dense movie indices
   * @param ratings ratings on the scale
   * @param timestamps seconds since the epoch as unsigned 32-bit values
   */
  public record Columns(int[] users, int[] movies, float[] ratings, int[] timestamps) {
    /** Checks that all columns have the same length. */
    public Columns {
      int n = users.length;
      if (movies.length != n || ratings.length != n || timestamps.length != n) {
        throw new IllegalArgumentException(
            "columns differ in length: users="
                + n
                + " movies="
                + movies.length
                + " ratings="
                + ratings.length
                + " timestamps="
                + timestamps.length);
      }
    }
  }

  /** Packs seconds since the epoch into the unsigned 32-bit form the columns store. */
  public static int packTimestamp(long epochSeconds) {
    if (epochSeconds < 0 || epochSeconds > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "timestamp " + epochSeconds + " is outside 1970..2106 in seconds");
    }
    return (int) epochSeconds;
  }

  @Override
  public int size() {
    return users.length;
  }

  @Override
  public int userIndex(int row) {
    return users[row];
  }

  @Override
  public int movieIndex(int row) {
    return movies[row];
  }

  @Override
  public float rating(int row) {
    return ratings.get(row);
  }

  @Override
  public long timestamp(int row) {
    return Integer.toUnsignedLong(timestamps[row]);
  }

  @Override
  public IdIndex users() {
    return userIndex;
  }

  @Override
  public IdIndex movies() {
    return movieIndex;
  }

  @Override
  public RatingScale scale() {
    return scale;
  }

  @Override
  public MovieCatalog catalog() {
    return catalog;
  }

  @Override
  public ColumnarRatings select(int[] rows) {
    int n = rows.length;
    int[] u = new int[n];
    int[] m = new int[n];
    int[] t = new int[n];
    for (int i = 0; i < n; i++) {
      int row = rows[i];
      u[i] = users[row];
      m[i] = movies[row];
      t[i] = timestamps[row];
    }
    return new ColumnarRatings(u, m, ratings.select(rows), t, this);
  }

  @Override
  public int[] userIndices() {
    return users.clone();
  }

  @Override
  public int[] movieIndices() {
    return movies.clone();
  }

  @Override
  public float[] ratings() {
    return ratings.toFloats();
  }

  @Override
  public String toString() {
    return "ColumnarRatings["
        + size()
        + " ratings, "
        + userIndex.size()
        + " users, "
        + movieIndex.size()
        + " movies, "
        + scale
        + "]";
  }
}
