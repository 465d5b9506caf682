package org.movierec.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.RecommendRequest;
import org.movierec.server.ServerKeys;
import org.movierec.server.api.UserEndpoints.Recommended;
import org.movierec.server.model.ModelLease;

/**
 * {@code POST /v1/recommendations}: recommendations for a person the model has never seen, from a
 * few of their ratings in the body, fitted in by the library's fold-in without retraining.
 */
final class FoldInEndpoints {

  /** The most ratings one request may carry. */
  static final int MAX_RATINGS = 1_000;

  /** A new user's list. */
  record FoldedRecommendations(
      int ratingsGiven,
      int ratingsFitted,
      String modelVersion,
      List<Recommended> recommendations) {}

  /**
   * The most JSON values a fold-in body may hold: the object, its fields, the ratings with their
   * two fields each and a full exclude list, with room for the other options.
   */
  static final int MAX_VALUES = 16 + 3 * MAX_RATINGS + Params.MAX_LIST;

  /** A parsed body: the ratings, and the body itself for the list options. */
  record Parsed(List<MovieRating> ratings, JsonNode body) {}

  private final Serving serving;
  private final RequestLimits limits;

  FoldInEndpoints(Serving serving, RequestLimits limits) {
    this.serving = serving;
    this.limits = limits;
  }

  void addTo(RoutesConfig routes) {
    routes.post("/v1/recommendations", this::recommend);
  }

  private void recommend(Context ctx) throws Exception {
    Params.allowOnly(ctx, Set.of());
    Parsed parsed = parse(serving.body(ctx), serving.json());
    Duration deadline = Duration.ofMillis(serving.config().get(ServerKeys.FOLDIN_DEADLINE_MS));
    ctx.json(limits.compute(ctx, RequestLimits.Kind.FOLD_IN, deadline, () -> recommend(parsed)));
  }

  private FoldedRecommendations recommend(Parsed parsed) {
    try (ModelLease lease = serving.models().lease()) {
      Model model = lease.served().model();
      RecommendRequest request = ListRequests.fromBody(parsed.body(), model, serving.catalog());
      FoldedUser user;
      try {
        user = model.foldIn(parsed.ratings());
      } catch (IllegalArgumentException e) {
        throw ApiException.badField("ratings", "cannot be fitted: " + e.getMessage());
      }
      return new FoldedRecommendations(
          parsed.ratings().size(),
          user.fittedRatings(),
          lease.served().version(),
          UserEndpoints.recommended(user.recommend(request), serving));
    }
  }

  /**
   * Reads a fold-in body: its fields, and every rating's movie and stars.
   *
   * @throws ApiException a 400 naming the field at fault
   */
  static Parsed parse(byte[] bytes, ObjectMapper json) {
    JsonNode body = JsonBody.parse(bytes, json, MAX_VALUES);
    List<String> known = new ArrayList<>(ListRequests.OPTIONS);
    known.add("ratings");
    JsonBody.allowOnly(body, "", Set.copyOf(known));
    return new Parsed(ratings(body), body);
  }

  private static List<MovieRating> ratings(JsonNode body) {
    JsonNode array = JsonBody.array(body, "", "ratings", 1, MAX_RATINGS);
    List<MovieRating> ratings = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String path = "ratings[" + i + "]";
      JsonNode rating = JsonBody.element(array, "ratings", i);
      JsonBody.allowOnly(rating, path, Set.of("movie", "rating"));
      ratings.add(
          new MovieRating(
              JsonBody.id(rating, path, "movie"), JsonBody.number(rating, path, "rating")));
    }
    return ratings;
  }
}
