package org.movierec.server.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.data.MovieInfo;

/** Finds movies by a piece of their title, so that a person can name a movie they have seen. */
public final class MovieSearch {

  private final MovieInfo[] movies;
  private final String[] lowerTitles;

  /** An index over every movie of a catalog, in catalog order. */
  public MovieSearch(MovieCatalog catalog) {
    this.movies = catalog.movies().toArray(MovieInfo[]::new);
    this.lowerTitles = new String[movies.length];
    for (int i = 0; i < movies.length; i++) {
      lowerTitles[i] = movies[i].displayTitle().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Up to {@code limit} movies whose title with year contains the query, ignoring case; titles that
   * start with it come first, then catalog order.
   */
  public List<MovieInfo> find(String query, int limit) {
    String needle = query.strip().toLowerCase(Locale.ROOT);
    List<MovieInfo> starting = new ArrayList<>();
    List<MovieInfo> containing = new ArrayList<>();
    for (int i = 0; i < movies.length && starting.size() < limit; i++) {
      int at = lowerTitles[i].indexOf(needle);
      if (at == 0) {
        starting.add(movies[i]);
      } else if (at > 0 && containing.size() < limit) {
        containing.add(movies[i]);
      }
    }
    starting.addAll(containing);
    return List.copyOf(starting.subList(0, Math.min(limit, starting.size())));
  }
}
