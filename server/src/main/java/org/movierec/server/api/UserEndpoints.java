package org.movierec.server.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import org.movierec.core.store.StoredRating;
import org.movierec.server.catalog.UserRatings;
import org.movierec.server.feedback.Feedback;
import org.movierec.server.model.ModelLease;

/** The endpoints about one user: their recommendations, one predicted rating, their ratings. */
final class UserEndpoints {

  /** One recommended movie: ranked by the raw score, shown with the score clipped to the scale. */
  record Recommended(
      int movie, String title, List<String> genres, float score, float predictedRating) {}

  /**
   * A user's top-N list; {@code fittedFrom} is {@code store} when the user was refit from their
   * stored ratings, {@code model} when the model answers as trained.
   */
  record Recommendations(
      int user,
      boolean knownUser,
      String fittedFrom,
      String modelVersion,
      List<Recommended> recommendations) {}

  /** One predicted rating. */
  record Rating(
      int user,
      int movie,
      float predictedRating,
      boolean knownUser,
      boolean knownMovie,
      String modelVersion) {}

  /** One of a user's ratings; the stars are absent when only the model's record is at hand. */
  record Rated(int movie, String title, List<String> genres, Float rating) {}

  /**
   * A page of what a user rated: from the ratings store, from the server's dataset, best first, or
   * else from the model, which knows the movies a user rated in training but not the stars; {@code
   * count} counts them all.
   */
  record Ratings(int user, String source, int count, int offset, List<Rated> ratings) {}

  /** A page of the users the model knows. */
  record Users(int total, int offset, List<Integer> users) {}

  /** The page size when a request names none. */
  static final int DEFAULT_LIMIT = 100;

  private final Serving serving;
  private final RequestLimits limits;
  private final Feedback feedback;

  UserEndpoints(Serving serving, RequestLimits limits, Feedback feedback) {
    this.serving = serving;
    this.limits = limits;
    this.feedback = feedback;
  }

  /** The user refit from the store when the served model's own answer is out of date. */
  private Optional<FoldedUser> fresh(int user, ModelLease lease) {
    return feedback.enabled() ? feedback.fresh().of(user, lease.served()) : Optional.empty();
  }

  void addTo(RoutesConfig routes) {
    RequestLimits.Kind read = RequestLimits.Kind.READ;
    routes.get("/v1/users", limits.guard(read, this::users));
    routes.get("/v1/users/{user}/recommendations", limits.guard(read, this::recommendations));
    routes.get("/v1/users/{user}/movies/{movie}/rating", limits.guard(read, this::rating));
    routes.get("/v1/users/{user}/ratings", limits.guard(read, this::ratings));
  }

  private void users(Context ctx) {
    Params.allowOnly(ctx, Set.of("offset", "limit"));
    try (ModelLease lease = serving.models().lease()) {
      Model model = lease.served().model();
      int total = model.users().size();
      int offset = Params.queryInt(ctx, "offset", 0, 0, Math.max(0, total - 1), "");
      int limit = limit(ctx);
      List<Integer> users = new ArrayList<>();
      for (int i = offset; i < Math.min(total, offset + limit); i++) {
        users.add(model.users().rawId(i));
      }
      ctx.json(new Users(total, offset, users));
    }
  }

  private void recommendations(Context ctx) {
    Params.allowOnly(ctx, Set.copyOf(ListRequests.OPTIONS));
    int user = Params.pathId(ctx, "user");
    try (ModelLease lease = serving.models().lease()) {
      Model model = lease.served().model();
      Optional<FoldedUser> folded = fresh(user, lease);
      RecommendRequest request =
          ListRequests.excluding(
              ListRequests.fromQuery(ctx, model, serving.catalog()), rated(user, folded));
      List<Recommendation> ranked =
          folded.isPresent() ? folded.get().recommend(request) : model.recommend(user, request);
      ctx.json(
          new Recommendations(
              user,
              model.knowsUser(user),
              folded.isPresent() ? "store" : "model",
              lease.served().version(),
              recommended(ranked, serving)));
    }
  }

  /**
   * The movies the user rated in the server's dataset, which the model may not have trained on (a
   * held-out split); none for a user the store has forgotten, who is served as a new user.
   */
  private Set<Integer> rated(int user, Optional<FoldedUser> folded) {
    UserRatings ratings = serving.ratings();
    if (!ratings.hasUser(user)) {
      return Set.of();
    }
    // Only a refit user can be forgotten, so the store is asked about no other.
    if (folded.isPresent() && feedback.store().isForgotten(user)) {
      return Set.of();
    }
    return ratings.movies(user);
  }

  /** A ranked list with whatever the catalog knows about each movie. */
  static List<Recommended> recommended(List<Recommendation> ranked, Serving serving) {
    List<Recommended> items = new ArrayList<>(ranked.size());
    for (Recommendation r : ranked) {
      MovieView movie = MovieView.of(r.rawMovieId(), serving.movie(r.rawMovieId()));
      items.add(
          new Recommended(
              movie.movie(), movie.title(), movie.genres(), r.score(), r.predictedRating()));
    }
    return items;
  }

  private void rating(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    int user = Params.pathId(ctx, "user");
    int movie = Params.pathId(ctx, "movie");
    try (ModelLease lease = serving.models().lease()) {
      Model model = lease.served().model();
      Optional<FoldedUser> folded = fresh(user, lease);
      float rating = folded.isPresent() ? folded.get().predict(movie) : model.predict(user, movie);
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

  private int limit(Context ctx) {
    int max = serving.config().get(org.movierec.server.ServerKeys.MAX_PAGE_SIZE);
    return Params.queryInt(ctx, "limit", Math.min(DEFAULT_LIMIT, max), 1, max, " (max_page_size)");
  }

  private void ratings(Context ctx) {
    Params.allowOnly(ctx, Set.of("offset", "limit"));
    int user = Params.pathId(ctx, "user");
    int offset = Params.queryInt(ctx, "offset", 0, 0, Integer.MAX_VALUE, "");
    int limit = limit(ctx);
    List<Rated> rated = new ArrayList<>();
    if (feedback.enabled()) {
      List<StoredRating> stored = new ArrayList<>(feedback.store().userRatings(user));
      if (!stored.isEmpty()) {
        stored.sort(
            Comparator.comparingDouble((StoredRating r) -> -r.rating())
                .thenComparingInt(StoredRating::rawMovieId));
        for (StoredRating r : page(stored, offset, limit)) {
          MovieView movie = MovieView.of(r.rawMovieId(), serving.movie(r.rawMovieId()));
          rated.add(new Rated(movie.movie(), movie.title(), movie.genres(), r.rating()));
        }
        ctx.json(new Ratings(user, "store", stored.size(), offset, rated));
        return;
      }
      if (feedback.store().isForgotten(user)) {
        // Forgotten: neither the dataset's copy of their ratings nor the model's training list.
        ctx.json(new Ratings(user, "store", 0, offset, rated));
        return;
      }
    }
    UserRatings ratings = serving.ratings();
    if (ratings.available()) {
      if (!ratings.hasUser(user)) {
        throw new ApiException(
            404,
            "unknown_user",
            "user",
            "user " + user + " has no ratings in the server's dataset");
      }
      List<UserRatings.Rated> all = ratings.of(user);
      for (UserRatings.Rated r : page(all, offset, limit)) {
        MovieView movie = MovieView.of(r.rawMovieId(), serving.movie(r.rawMovieId()));
        rated.add(new Rated(movie.movie(), movie.title(), movie.genres(), r.rating()));
      }
      ctx.json(new Ratings(user, "data", all.size(), offset, rated));
      return;
    }
    try (ModelLease lease = serving.models().lease()) {
      Model model = lease.served().model();
      if (!model.knowsUser(user)) {
        throw new ApiException(
            404,
            "unknown_user",
            "user",
            "user " + user + " is not in the model's training data, and the server has no dataset");
      }
      List<Integer> all = java.util.Arrays.stream(model.ratedMovies(user)).boxed().toList();
      for (int movieId : page(all, offset, limit)) {
        MovieView movie = MovieView.of(movieId, serving.movie(movieId));
        rated.add(new Rated(movie.movie(), movie.title(), movie.genres(), null));
      }
      ctx.json(new Ratings(user, "model", all.size(), offset, rated));
    }
  }

  private static <T> List<T> page(List<T> all, int offset, int limit) {
    int from = Math.min(offset, all.size());
    return all.subList(from, (int) Math.min(all.size(), (long) from + limit));
  }
}
