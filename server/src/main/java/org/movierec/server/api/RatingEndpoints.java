package org.movierec.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.movierec.core.model.Model;
import org.movierec.core.store.RatingStore;
import org.movierec.core.store.StoredRating;
import org.movierec.server.feedback.Feedback;
import org.movierec.server.feedback.FeedbackKeys;
import org.movierec.server.model.ModelLease;

/**
 * The write endpoints: a user's ratings in ({@code POST /v1/users/{user}/ratings}, one or a batch),
 * one rating out ({@code DELETE /v1/users/{user}/ratings/{movie}}) and all of a user's data out
 * ({@code DELETE /v1/users/{user}}). A write is acknowledged only after the store committed it, and
 * the user's next list is refit from their full stored history. Bad input writes nothing.
 */
final class RatingEndpoints {

  /** The most ratings one request may carry. */
  static final int MAX_RATINGS = 1_000;

  private static final long MAX_TIME = 0xFFFF_FFFFL;

  /** What a write did. */
  record Written(int user, int written, int storedRatings, boolean newUser, String modelVersion) {}

  /** What a deletion did. */
  record Deleted(int user, int deletedRatings) {}

  /** The most JSON values a body may hold: a wrapper and four values per rating, with room. */
  private static final int MAX_VALUES = 8 + 5 * MAX_RATINGS;

  private final Serving serving;
  private final RequestLimits limits;
  private final Feedback feedback;
  private final Clock clock;

  RatingEndpoints(Serving serving, RequestLimits limits, Feedback feedback, Clock clock) {
    this.serving = serving;
    this.limits = limits;
    this.feedback = feedback;
    this.clock = clock;
  }

  void addTo(RoutesConfig routes) {
    // A write refits the user like a fold-in, so writes share the fold-in class's cap.
    RequestLimits.Kind write = RequestLimits.Kind.FOLD_IN;
    routes.post("/v1/users/{user}/ratings", limits.guard(write, this::post));
    routes.delete("/v1/users/{user}/ratings/{movie}", limits.guard(write, this::deleteOne));
    routes.delete("/v1/users/{user}", limits.guard(write, this::forget));
  }

  private void post(Context ctx) {
    RatingStore store = guard(ctx);
    int user = Params.pathId(ctx, "user");
    JsonNode body = JsonBody.object(ctx, serving, MAX_VALUES);
    try (ModelLease lease = serving.models().lease()) {
      Model model = lease.served().model();
      List<StoredRating> ratings = ratings(body, user, model);
      boolean newUser = !model.knowsUser(user) && store.userRatings(user).isEmpty();
      store.append(ratings);
      feedback.fresh().changed(user, ratings.size());
      // Refit now, so that the user's next list is served from the cache.
      feedback.fresh().of(user, lease.served());
      ctx.status(201)
          .json(
              new Written(
                  user,
                  ratings.size(),
                  store.userRatings(user).size(),
                  newUser,
                  lease.served().version()));
    }
  }

  private void deleteOne(Context ctx) {
    RatingStore store = guard(ctx);
    int user = Params.pathId(ctx, "user");
    int movie = Params.pathId(ctx, "movie");
    if (!store.deleteRating(user, movie)) {
      throw new ApiException(
          404,
          "no_such_rating",
          "movie",
          "user " + user + " has no stored rating of movie " + movie + "; nothing was deleted");
    }
    feedback.fresh().changed(user, 1);
    ctx.json(new Deleted(user, 1));
  }

  private void forget(Context ctx) {
    RatingStore store = guard(ctx);
    int user = Params.pathId(ctx, "user");
    int deleted = store.deleteUser(user);
    feedback.fresh().changed(user, deleted);
    ctx.json(new Deleted(user, deleted));
  }

  /** Checks the token and the query, and that a store is attached. */
  private RatingStore guard(Context ctx) {
    if (!feedback.enabled()) {
      throw new ApiException(
          501,
          "no_store",
          null,
          "this server takes no ratings: it runs without a ratings store; start it with"
              + " movierec serve --store ratings.db");
    }
    feedback
        .writeToken()
        .ifPresent(token -> BearerToken.require(ctx, token, FeedbackKeys.WRITE_TOKEN.name()));
    Params.allowOnly(ctx, Set.of());
    return feedback.store();
  }

  /** The body's ratings, one object or {@code {"ratings": [...]}}, each checked. */
  private List<StoredRating> ratings(JsonNode body, int user, Model model) {
    long now = clock.instant().getEpochSecond();
    if (!body.has("ratings")) {
      JsonBody.allowOnly(body, "", Set.of("movie", "rating", "timestamp"));
      return List.of(rating(body, "", user, model, now));
    }
    JsonBody.allowOnly(body, "", Set.of("ratings"));
    JsonNode array = JsonBody.array(body, "", "ratings", 1, MAX_RATINGS);
    List<StoredRating> ratings = new ArrayList<>(array.size());
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String path = "ratings[" + i + "]";
      JsonNode element = JsonBody.element(array, "ratings", i);
      JsonBody.allowOnly(element, path, Set.of("movie", "rating", "timestamp"));
      StoredRating rating = rating(element, path, user, model, now);
      if (!seen.add(rating.rawMovieId())) {
        throw ApiException.badField(
            path + ".movie",
            "rates movie " + rating.rawMovieId() + " a second time; give each movie once");
      }
      ratings.add(rating);
    }
    return ratings;
  }

  private StoredRating rating(JsonNode object, String path, int user, Model model, long now) {
    String prefix = path.isEmpty() ? "" : path + ".";
    int movie = JsonBody.id(object, path, "movie");
    float stars = JsonBody.number(object, path, "rating");
    long time = now;
    JsonNode given = object.get("timestamp");
    if (given != null && !given.isNull()) {
      if (!given.isIntegralNumber()
          || !given.canConvertToLong()
          || given.longValue() < 0
          || given.longValue() > MAX_TIME) {
        throw ApiException.badField(
            prefix + "timestamp",
            "must be whole seconds since 1970-01-01 UTC, 0.." + MAX_TIME + ", got " + given);
      }
      time = given.longValue();
    }
    if (!model.knowsMovie(movie) && serving.movie(movie).isEmpty()) {
      throw new ApiException(
          404,
          "unknown_movie",
          prefix + "movie",
          "movie " + movie + " is neither in the model nor in the catalog; nothing was written");
    }
    if (!model.scale().allows(stars)) {
      throw new ApiException(
          422,
          "rating_off_scale",
          prefix + "rating",
          String.format(
              Locale.ROOT,
              "rating %s of movie %d is not on the scale %s; nothing was written",
              stars,
              movie,
              model.scale()));
    }
    return new StoredRating(user, movie, stars, time);
  }
}
