package org.movierec.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.Optional;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.data.MovieInfo;
import org.movierec.server.ServerConfig;
import org.movierec.server.catalog.MovieSearch;
import org.movierec.server.catalog.UserRatings;
import org.movierec.server.model.ModelSlot;

/**
 * What the endpoints answer from: the model slot, the movie catalog with its title search, the
 * users' ratings, the configuration and the JSON mapper.
 *
 * @param models the served model and its hot swap
 * @param catalog titles and genres by movie id, possibly empty
 * @param search the title search over the catalog
 * @param ratings the users' ratings from the dataset, possibly none
 * @param config limits and the admin token
 * @param json the JSON mapper
 */
public record Serving(
    ModelSlot models,
    MovieCatalog catalog,
    MovieSearch search,
    UserRatings ratings,
    ServerConfig config,
    ObjectMapper json) {

  /** Rejects missing parts. */
  public Serving {
    Objects.requireNonNull(models, "models");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(ratings, "ratings");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(json, "json");
  }

  /**
   * The request's body, read at most once, bounded by {@code max_body_bytes} and cut when it
   * arrives slower than {@code min_body_bytes_per_second}.
   */
  byte[] body(io.javalin.http.Context ctx) {
    return new BodyReader(
            config.maxBodyBytes(), config.get(org.movierec.server.ServerKeys.MIN_BODY_RATE))
        .body(ctx);
  }

  /** The catalog entry of a movie, when the dataset lists it. */
  Optional<MovieInfo> movie(int rawMovieId) {
    return catalog.find(rawMovieId);
  }
}
