package org.movierec.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Collects ratings by raw id, one at a time, and freezes them into a {@link ColumnarRatings}. Dense
 * indices are given in order of first appearance, so the same input gives the same indices.
 */
public final class RatingsBuilder {

  private final RatingScale scale;
  private MovieCatalog catalog = MovieCatalog.empty();
  private final GrowingIdMap userIds = new GrowingIdMap();
  private final GrowingIdMap movieIds = new GrowingIdMap();
  private int[] users;
  private int[] movies;
  private float[] ratings;
  private int[] timestamps;
  private int size;

  /** A builder for ratings on the given scale, sized for {@code expectedRatings} rows. */
  public RatingsBuilder(RatingScale scale, int expectedRatings) {
    this.scale = Objects.requireNonNull(scale, "scale");
    int capacity = Math.max(16, expectedRatings);
    users = new int[capacity];
    movies = new int[capacity];
    ratings = new float[capacity];
    timestamps = new int[capacity];
  }

  /** A builder for ratings on the given scale. */
  public RatingsBuilder(RatingScale scale) {
    this(scale, 16);
  }

  /** Sets the movie metadata the dataset carries. */
  public RatingsBuilder catalog(MovieCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    return this;
  }

  /**
   * Adds one rating.
   *
   * @throws IllegalArgumentException when the rating is off the scale or the time out of range
   */
  public RatingsBuilder add(int rawUserId, int rawMovieId, float rating, long epochSeconds) {
    if (!scale.allows(rating)) {
      throw new IllegalArgumentException("rating " + rating + " is not on the scale " + scale);
    }
    int packedTime = ColumnarRatings.packTimestamp(epochSeconds);
    if (size == users.length) {
      int capacity = Math.max(size + 1, size + (size >> 1));
      users = Arrays.copyOf(users, capacity);
      movies = Arrays.copyOf(movies, capacity);
      ratings = Arrays.copyOf(ratings, capacity);
      timestamps = Arrays.copyOf(timestamps, capacity);
    }
    users[size] = userIds.denseOf(rawUserId);
    movies[size] = movieIds.denseOf(rawMovieId);
    ratings[size] = rating;
    timestamps[size] = packedTime;
    size++;
    return this;
  }

  /** The number of ratings added so far. */
  public int size() {
    return size;
  }

  /** Freezes what was added; the builder must not be used afterwards. */
  public ColumnarRatings build() {
    ColumnarRatings.Columns columns =
        new ColumnarRatings.Columns(
            Arrays.copyOf(users, size),
            Arrays.copyOf(movies, size),
            Arrays.copyOf(ratings, size),
            Arrays.copyOf(timestamps, size));
    return new ColumnarRatings(columns, userIds.freeze(), movieIds.freeze(), scale, catalog);
  }
}
