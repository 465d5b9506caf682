package org.movierec.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.movierec.core.data.MovieInfo;
import org.movierec.core.model.Model;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.SimilarMovie;
import org.movierec.server.model.ModelLease;

/**
 * The endpoints about movies: a title search, one movie's details, the movies most like it and the
 * catalog's genres.
 */
final class MovieEndpoints {

  /** Movies whose title matched a search. */
  record Found(String query, List<MovieView> movies) {}

  /** One movie like another. */
  record Similar(int movie, String title, List<String> genres, float similarity) {}

  /** The movies most like one ("because you watched"). */
  record SimilarMovies(int movie, String title, String modelVersion, List<Similar> similar) {}

  /** The genres of the server's catalog. */
  record Genres(List<String> genres) {}

  /** One movie with whether the model can score it. */
  record Movie(int movie, String title, List<String> genres, boolean knownMovie) {}

  private final Serving serving;
  private final RequestLimits limits;

  MovieEndpoints(Serving serving, RequestLimits limits) {
    this.serving = serving;
    this.limits = limits;
  }

  void addTo(RoutesConfig routes) {
    RequestLimits.Kind read = RequestLimits.Kind.READ;
    routes.get("/v1/movies", limits.guard(read, this::search));
    routes.get("/v1/movies/{movie}", limits.guard(read, this::movie));
    routes.get("/v1/movies/{movie}/similar", limits.guard(read, this::similar));
    routes.get("/v1/genres", limits.guard(read, this::genres));
  }

  private void similar(Context ctx) {
    Params.allowOnly(ctx, Set.copyOf(ListRequests.OPTIONS));
    int id = Params.pathId(ctx, "movie");
    try (ModelLease lease = serving.models().lease()) {
      Model model = lease.served().model();
      RecommendRequest request = ListRequests.fromQuery(ctx, model, serving.catalog());
      List<Similar> similar = new ArrayList<>();
      for (SimilarMovie movie : model.similarMovies(id, request)) {
        MovieView view = MovieView.of(movie.rawMovieId(), serving.movie(movie.rawMovieId()));
        similar.add(new Similar(view.movie(), view.title(), view.genres(), movie.similarity()));
      }
      ctx.json(
          new SimilarMovies(
              id, MovieView.of(id, serving.movie(id)).title(), lease.served().version(), similar));
    }
  }

  private void genres(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    ctx.json(new Genres(serving.catalog().genres()));
  }

  private void search(Context ctx) {
    Params.allowOnly(ctx, Set.of("query", "limit"));
    String query = Params.queryText(ctx, "query", 200);
    if (query == null) {
      throw ApiException.badField("query", "is required: a piece of a title, such as 'star wars'");
    }
    int limit = Params.queryInt(ctx, "limit", 10, 1, 100, "");
    List<MovieView> movies =
        serving.search().find(query, limit).stream()
            .map(info -> MovieView.of(info.rawId(), java.util.Optional.of(info)))
            .toList();
    ctx.json(new Found(query, movies));
  }

  private void movie(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    int id = Params.pathId(ctx, "movie");
    boolean known;
    try (ModelLease lease = serving.models().lease()) {
      known = lease.served().model().knowsMovie(id);
    }
    java.util.Optional<MovieInfo> info = serving.movie(id);
    if (info.isEmpty() && !known) {
      throw new ApiException(
          404,
          "unknown_movie",
          "movie",
          "movie " + id + " is neither in the server's catalog nor in the model's training data");
    }
    MovieView view = MovieView.of(id, info);
    ctx.json(new Movie(id, view.title(), view.genres(), known));
  }
}
