package org.movierec.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.movierec.core.model.Model;
import org.movierec.core.model.Recommendation;
import org.movierec.server.catalog.UserRatings;
import org.movierec.server.model.ModelLease;

/** The endpoints about one user: their recommendations, one predicted rating, their ratings. */
final class UserEndpoints {

  /** One recommended movie. */
  record Recommended(int movie, String title, List<String> genres, float predictedRating) {}

  /** A user's top-N list. */
  record Recommendations(
      int user, boolean knownUser, String modelVersion, List<Recommended> recommendations) {}

  /** One predicted rating. */
  record Rating(
      int user,
      int movie,
      float predictedRating,
      boolean knownUser,
      boolean knownMovie,
      String modelVersion) {}

  /** One of a user's ratings in the dataset. */
  record Rated(int movie, String title, List<String> genres, float rating) {}

  /** A user's ratings in the dataset, best first. */
  record Ratings(int user, int count, List<Rated> ratings) {}

  /** A page of the users the model knows. */
  record Users(int total, int offset, List<Integer> users) {}

  private final Serving serving;

  UserEndpoints(Serving serving) {
    this.serving = serving;
  }

  void addTo(RoutesConfig routes) {
    routes.get("/v1/users", this::users);
    routes.get("/v1/users/{user}/recommendations", this::recommendations);
    routes.get("/v1/users/{user}/movies/{movie}/rating", this::rating);
    routes.get("/v1/users/{user}/ratings", this::ratings);
  }

  private void users(Context ctx) {
    Params.allowOnly(ctx, Set.of("offset", "limit"));
    try (ModelLease lease = serving.models().lease()) {
      Model model = lease.served().model();
      int total = model.users().size();
      int offset = Params.queryInt(ctx, "offset", 0, 0, Math.max(0, total - 1), "");
      int limit = Params.queryInt(ctx, "limit", 100, 1, 10_000, "");
      List<Integer> users = new ArrayList<>();
      for (int i = offset; i < Math.min(total, offset + limit); i++) {
        users.add(model.users().rawId(i));
      }
      ctx.json(new Users(total, offset, users));
    }
  }

  private void recommendations(Context ctx) {
    Params.allowOnly(ctx, Set.of("top"));
    int user = Params.pathId(ctx, "user");
    try (ModelLease lease = serving.models().lease()) {
      Model model = lease.served().model();
      int top = top(ctx, model);
      List<Recommended> items = new ArrayList<>();
      for (Recommendation r : model.recommend(user, top)) {
        MovieView movie = MovieView.of(r.rawMovieId(), serving.movie(r.rawMovieId()));
        items.add(
            new Recommended(movie.movie(), movie.title(), movie.genres(), r.predictedRating()));
      }
      ctx.json(new Recommendations(user, model.knowsUser(user), lease.served().version(), items));
    }
  }

  private void rating(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    int user = Params.pathId(ctx, "user");
    int movie = Params.pathId(ctx, "movie");
    try (ModelLease lease = serving.models().lease()) {
      Model model = lease.served().model();
      float rating = model.predict(user, movie);
      ctx.json(
          new Rating(
              user,
              movie,
              rating,
              model.knowsUser(user),
              model.knowsMovie(movie),
              lease.served().version()));
    }
  }

  private void ratings(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    int user = Params.pathId(ctx, "user");
    UserRatings ratings = serving.ratings();
    if (!ratings.available()) {
      throw new ApiException(
          404,
          "no_ratings_data",
          null,
          "the server was started without a dataset, so it knows no user's ratings; start it with"
              + " --data DIR");
    }
    if (!ratings.hasUser(user)) {
      throw new ApiException(
          404, "unknown_user", "user", "user " + user + " has no ratings in the server's dataset");
    }
    List<Rated> rated = new ArrayList<>();
    for (UserRatings.Rated r : ratings.of(user)) {
      MovieView movie = MovieView.of(r.rawMovieId(), serving.movie(r.rawMovieId()));
      rated.add(new Rated(movie.movie(), movie.title(), movie.genres(), r.rating()));
    }
    ctx.json(new Ratings(user, rated.size(), rated));
  }

  /** The {@code top} parameter, at most the number of movies the model can rank. */
  static int top(Context ctx, Model model) {
    int movies = model.movies().size();
    return Params.queryInt(
        ctx, "top", Math.min(10, movies), 1, movies, " (the movies the model knows)");
  }
}
