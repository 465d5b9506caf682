package org.movierec.data.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.movierec.core.data.RatingScale;

/**
 * What to generate: how many users, movies and ratings, from which seed, on which scale and in
 * which period. The same spec always gives the same files.
 *
 * @param users the number of users; each rates at least one movie
 * @param movies the number of movies in the catalog; the least popular may go unrated
 * @param ratings the exact number of ratings, between {@code users} and {@code users * movies}
 * @param seed the seed every random choice derives from
 * @param scale the rating scale; empty for the layout's own (whole stars for ml-100k and ml-1m,
 *     half stars for CSV)
 * @param factors the number of latent factors behind the ratings
 * @param startEpochSeconds the earliest rating time, in seconds since 1970
 * @param endEpochSeconds the latest rating time, in seconds since 1970
 */
public record GeneratorSpec(
    int users,
    int movies,
    long ratings,
    long seed,
    Optional<RatingScale> scale,
    int factors,
    long startEpochSeconds,
    long endEpochSeconds) {

  /** The most ratings one dataset can hold. */
  public static final long MAX_RATINGS = Integer.MAX_VALUE - 8;

  /** The latest allowed time: 2100-01-01, as the readers accept. */
  public static final long MAX_EPOCH_SECONDS = 4_102_444_800L;

  private static final long DEFAULT_START = 820_454_400L; // 1996-01-01
  private static final long DEFAULT_END = 1_577_750_400L; // 2019-12-31

  /** Checks every field; see {@link Builder#build()} for the rules. */
  public GeneratorSpec {
    Objects.requireNonNull(scale, "scale");
    List<String> problems =
        problems(users, movies, ratings, scale, factors, startEpochSeconds, endEpochSeconds);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid generator spec: " + String.join("; ", problems));
    }
  }

  /** A builder; users, movies and ratings are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The shape of the embedded sample: about ml-100k's size (1,000 users, 1,700 movies, 100,000
   * ratings over seven months of 1997-98).
   */
  public static GeneratorSpec sampleShape() {
    return builder()
        .setUsers(1_000)
        .setMovies(1_700)
        .setRatings(100_000)
        .optSeed(100_000L)
        .optTimeRange(874_724_710L, 893_286_638L)
        .build();
  }

  /** The shape of ml-25m: 162,541 users, 62,423 movies, 25,000,095 ratings over 1995-2019. */
  public static GeneratorSpec ml25mShape() {
    return builder()
        .setUsers(162_541)
        .setMovies(62_423)
        .setRatings(25_000_095)
        .optSeed(25_000_095L)
        .optTimeRange(789_652_009L, 1_574_327_703L)
        .build();
  }

  /** A builder holding this spec's values. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.users = users;
    builder.movies = movies;
    builder.ratings = ratings;
    builder.seed = seed;
    builder.scale = scale.orElse(null);
    builder.factors = factors;
    builder.start = startEpochSeconds;
    builder.end = endEpochSeconds;
    return builder;
  }

  private static List<String> problems(
      int users,
      int movies,
      long ratings,
      Optional<RatingScale> scale,
      int factors,
      long start,
      long end) {
    List<String> problems = new ArrayList<>();
    if (users < 1) {
      problems.add("users must be at least 1, got " + users);
    }
    if (movies < 1) {
      problems.add("movies must be at least 1, got " + movies);
    }
    if (ratings < Math.max(1, users) || ratings > MAX_RATINGS) {
      problems.add(
          "ratings must be between users ("
              + users
              + ", one rating each) and "
              + MAX_RATINGS
              + ", got "
              + ratings);
    } else if (users >= 1 && movies >= 1 && ratings > (long) users * movies) {
      problems.add(
          "ratings must be at most users * movies = " + (long) users * movies + ", got " + ratings);
    }
    if (scale.isPresent() && scale.get().step() == 0f) {
      problems.add("the scale needs a step > 0 to generate ratings on, got " + scale.get());
    }
    if (factors < 1 || factors > 64) {
      problems.add("factors must be between 1 and 64, got " + factors);
    }
    if (start < 0 || end > MAX_EPOCH_SECONDS || start >= end) {
      problems.add(
          "the time range must satisfy 0 <= start < end <= "
              + MAX_EPOCH_SECONDS
              + ", got "
              + start
              + ".."
              + end);
    }
    return problems;
  }

  /** Builds a {@link GeneratorSpec}, reporting every problem at once. */
  public static final class Builder {
    private int users;
    private int movies;
    private long ratings;
    private long seed = 42;
    private RatingScale scale;
    private int factors = 8;
    private long start = DEFAULT_START;
    private long end = DEFAULT_END;

    private Builder() {}

    /** Sets the number of users. */
    public Builder setUsers(int users) {
      this.users = users;
      return this;
    }

    /** Sets the number of movies. */
    public Builder setMovies(int movies) {
      this.movies = movies;
      return this;
    }

    /** Sets the exact number of ratings. */
    public Builder setRatings(long ratings) {
      this.ratings = ratings;
      return this;
    }

    /** Sets the seed; 42 by default. */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets the rating scale; the layout's own by default. */
    public Builder optScale(RatingScale scale) {
      this.scale = scale;
      return this;
    }

    /** Sets the number of latent factors; 8 by default. */
    public Builder optFactors(int factors) {
      this.factors = factors;
      return this;
    }

    /** Sets the period of the ratings; 1996 to 2019 by default. */
    public Builder optTimeRange(long startEpochSeconds, long endEpochSeconds) {
      this.start = startEpochSeconds;
      this.end = endEpochSeconds;
      return this;
    }

    /**
     * The spec.
     *
     * @throws IllegalArgumentException naming every invalid value
     */
    public GeneratorSpec build() {
      return new GeneratorSpec(
          users, movies, ratings, seed, Optional.ofNullable(scale), factors, start, end);
    }
  }
}
