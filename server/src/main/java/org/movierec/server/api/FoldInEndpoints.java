package org.movierec.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.RecommendRequest;
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

  private final Serving serving;

  FoldInEndpoints(Serving serving) {
    this.serving = serving;
  }

  void addTo(RoutesConfig routes) {
    routes.post("/v1/recommendations", this::recommend);
  }

  private void recommend(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    JsonNode body = JsonBody.object(ctx, serving.json());
    List<String> known = new ArrayList<>(ListRequests.OPTIONS);
    known.add("ratings");
    JsonBody.allowOnly(body, "", Set.copyOf(known));
    List<MovieRating> ratings = ratings(body);
    try (ModelLease lease = serving.models().lease()) {
      Model model = lease.served().model();
      RecommendRequest request = ListRequests.fromBody(body, model, serving.catalog());
      FoldedUser user;
      try {
        user = model.foldIn(ratings);
      } catch (IllegalArgumentException e) {
        throw ApiException.badField("ratings", "cannot be fitted: " + e.getMessage());
      }
      ctx.json(
          new FoldedRecommendations(
              ratings.size(),
              user.fittedRatings(),
              lease.served().version(),
              UserEndpoints.recommended(user.recommend(request), serving)));
    }
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
