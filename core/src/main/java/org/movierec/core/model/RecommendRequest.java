package org.movierec.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a caller asks of {@link Model#recommend(int, RecommendRequest)}: how many movies, and which
 * may appear. A movie the user rated in training never appears, whatever the request says. The
 * count may exceed the catalog: the list then holds every admissible movie, and nothing is sized by
 * the count.
 *
 * @param count the most movies to list, at least 0
 * @param excludedMovies raw ids never to list, e.g. movies the user saw elsewhere
 * @param filter which movies may be listed, e.g. one genre ({@link MovieFilter#genre})
 * @param minRatings the popularity floor: only movies with at least this many training ratings
 */
public record RecommendRequest(
    int count, Set<Integer> excludedMovies, MovieFilter filter, int minRatings) {

  /** Copies the exclusions and checks the counts. */
  public RecommendRequest {
    List<String> problems = problems(count, minRatings, filter);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    excludedMovies = Set.copyOf(excludedMovies);
  }

  /** The best {@code count} movies without further conditions. */
  public static RecommendRequest top(int count) {
    return builder().setCount(count).build();
  }

  /** A builder: {@code setCount} is required, the rest optional. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Tells whether a movie passes the request's exclusions, filter and popularity floor (the user's
   * own training ratings are the recommender's to check).
   *
   * @param rawMovieId the movie
   * @param trainingRatings how many training ratings the movie has
   */
  public boolean admits(int rawMovieId, int trainingRatings) {
    return trainingRatings >= minRatings
        && (excludedMovies.isEmpty() || !excludedMovies.contains(rawMovieId))
        && filter.accepts(rawMovieId);
  }

  private static List<String> problems(int count, int minRatings, MovieFilter filter) {
    List<String> problems = new ArrayList<>();
    if (count < 0) {
      problems.add("count must be >= 0, got " + count);
    }
    if (minRatings < 0) {
      problems.add("minRatings must be >= 0, got " + minRatings);
    }
    if (filter == null) {
      problems.add("filter is missing; use MovieFilter.ALL to admit every movie");
    }
    return problems;
  }

  /** Builds a {@link RecommendRequest}, reporting every problem at once. */
  public static final class Builder {
    private Integer count;
    private final Set<Integer> excluded = new java.util.HashSet<>();
    private MovieFilter filter = MovieFilter.ALL;
    private int minRatings;

    private Builder() {}

    /** How many movies to list (required). */
    public Builder setCount(int count) {
      this.count = count;
      return this;
    }

    /** Adds movies never to list, by raw id. */
    public Builder optExclude(Collection<Integer> rawMovieIds) {
      excluded.addAll(rawMovieIds);
      return this;
    }

    /** Adds movies never to list, by raw id. */
    public Builder optExclude(int... rawMovieIds) {
      for (int id : rawMovieIds) {
        excluded.add(id);
      }
      return this;
    }

    /** Lists only movies this filter accepts; combines with filters set before. */
    public Builder optFilter(MovieFilter filter) {
      Objects.requireNonNull(filter, "filter");
      this.filter = this.filter == MovieFilter.ALL ? filter : this.filter.and(filter);
      return this;
    }

    /** Lists only movies with at least this many training ratings. */
    public Builder optMinRatings(int minRatings) {
      this.minRatings = minRatings;
      return this;
    }

    /**
     * The request.
     *
     * @throws IllegalArgumentException naming every problem: a missing or negative count, a
     *     negative popularity floor
     */
    public RecommendRequest build() {
      List<String> problems = new ArrayList<>();
      if (count == null) {
        problems.add("count is required; call setCount");
      }
      problems.addAll(problems(count == null ? 0 : count, minRatings, filter));
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(
            "invalid recommendation request: " + String.join("; ", problems));
      }
      return new RecommendRequest(count, excluded, filter, minRatings);
    }
  }
}
