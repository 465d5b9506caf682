package org.movierec.server.api;

import java.util.List;
import java.util.Optional;
import org.movierec.core.data.MovieInfo;

/**
 * A movie as the API shows it: its id and, when the catalog lists it, its title with year and its
 * genres.
 *
 * @param movie the raw movie id
 * @param title the title with year, absent when unknown
 * @param genres the genres, absent when unknown
 */
public record MovieView(int movie, String title, List<String> genres) {

  /** The view of a movie id with whatever the catalog knows about it. */
  static MovieView of(int rawMovieId, Optional<MovieInfo> info) {
    return new MovieView(
        rawMovieId,
        info.map(MovieInfo::displayTitle).orElse(null),
        info.map(MovieInfo::genres).orElse(null));
  }
}
