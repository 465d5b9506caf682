package org.movierec.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.movierec.core.config.KeySuggestions;
import org.movierec.core.data.IdIndex;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.data.MovieInfo;

/**
 * Which movies a recommendation may contain, by raw movie id. A model file holds no movie metadata,
 * so a caller that wants, say, only comedies builds the filter from a {@link MovieCatalog} and
 * passes it in a {@link RecommendRequest}.
 */
@FunctionalInterface
public interface MovieFilter {

  /** Admits every movie. */
  MovieFilter ALL = rawMovieId -> true;

  /** Tells whether a movie may be recommended. */
  boolean accepts(int rawMovieId);

  /** A filter admitting what both this and {@code other} admit. */
  default MovieFilter and(MovieFilter other) {
    return rawMovieId -> accepts(rawMovieId) && other.accepts(rawMovieId);
  }

  /**
   * Admits exactly the catalog's movies of one genre, matched case-insensitively ({@code sci-fi}
   * finds {@code Sci-Fi}).
   *
   * @throws IllegalArgumentException when no movie of the catalog has the genre; the message lists
   *     the catalog's genres and the nearest one
   */
  static MovieFilter genre(MovieCatalog catalog, String genre) {
    List<String> known = catalog.genres();
    String name =
        known.stream()
            .filter(candidate -> candidate.equalsIgnoreCase(genre.strip()))
            .findFirst()
            .orElseThrow(() -> unknownGenre(known, genre));
    List<Integer> ids = new ArrayList<>();
    for (MovieInfo movie : catalog.movies()) {
      if (movie.genres().contains(name)) {
        ids.add(movie.rawId());
      }
    }
    IdIndex members = IdIndex.of(ids.stream().mapToInt(Integer::intValue).toArray());
    return members::contains;
  }

  private static IllegalArgumentException unknownGenre(List<String> known, String genre) {
    if (known.isEmpty()) {
      return new IllegalArgumentException(
          "cannot filter by genre '"
              + genre
              + "': the movie list names no genres; pass a dataset whose movie file has them");
    }
    String nearest = KeySuggestions.nearest(genre.toLowerCase(Locale.ROOT), known.stream());
    return new IllegalArgumentException(
        "unknown genre '"
            + genre
            + "'"
            + (nearest == null ? "" : " (did you mean '" + nearest + "'?)")
            + "; the movie list has: "
            + String.join(", ", known));
  }
}
