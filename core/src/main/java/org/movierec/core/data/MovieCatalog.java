package org.movierec.core.data;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** Movie metadata by raw movie id; empty when a dataset ships no movie file. */
public final class MovieCatalog {

  private static final MovieCatalog EMPTY = new MovieCatalog(Map.of());

  /** What MovieLens files write for a movie without genre: ml-100k's flag and the CSV text. */
  private static final Set<String> NO_GENRE = Set.of("unknown", "(no genres listed)");

  private final Map<Integer, MovieInfo> byRawId;

  private MovieCatalog(Map<Integer, MovieInfo> byRawId) {
    this.byRawId = byRawId;
  }

  /** A catalog that knows no movie. */
  public static MovieCatalog empty() {
    return EMPTY;
  }

  /**
   * A catalog of the given movies, in their order.
   *
   * @throws IllegalArgumentException when a movie id is listed twice
   */
  public static MovieCatalog of(Collection<MovieInfo> movies) {
    Map<Integer, MovieInfo> map = new LinkedHashMap<>();
    for (MovieInfo movie : movies) {
      if (map.putIfAbsent(movie.rawId(), movie) != null) {
        throw new IllegalArgumentException("movie id " + movie.rawId() + " is listed twice");
      }
    }
    return new MovieCatalog(Collections.unmodifiableMap(map));
  }

  /** The movie with this raw id, when the catalog lists it. */
  public Optional<MovieInfo> find(int rawMovieId) {
    return Optional.ofNullable(byRawId.get(rawMovieId));
  }

  /** All listed movies, in file order. */
  public Collection<MovieInfo> movies() {
    return byRawId.values();
  }

  /**
   * The genre names its movies carry, sorted, without MovieLens's placeholders for a movie without
   * genre ({@code unknown}, {@code (no genres listed)}).
   */
  public List<String> genres() {
    SortedSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (MovieInfo movie : byRawId.values()) {
      names.addAll(movie.genres());
    }
    names.removeIf(NO_GENRE::contains);
    return List.copyOf(names);
  }

  /** The number of listed movies. */
  public int size() {
    return byRawId.size();
  }

  /** Tells whether no movie is listed. */
  public boolean isEmpty() {
    return byRawId.isEmpty();
  }
}
