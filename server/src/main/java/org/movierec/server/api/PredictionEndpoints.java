package org.movierec.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.movierec.server.model.ModelLease;

/** {@code POST /v1/ratings:predict}: predicted ratings of many (user, movie) pairs at once. */
final class PredictionEndpoints {

  /** One predicted pair. */
  record Prediction(int user, int movie, float predictedRating) {}

  /** The answer, in the order of the request's pairs. */
  record Predictions(String modelVersion, List<Prediction> predictions) {}

  private final Serving serving;

  PredictionEndpoints(Serving serving) {
    this.serving = serving;
  }

  void addTo(RoutesConfig routes) {
    routes.post("/v1/ratings:predict", this::predict);
  }

  private void predict(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    JsonNode body = JsonBody.object(ctx, serving.json());
    JsonBody.allowOnly(body, "", Set.of("pairs"));
    JsonNode pairs = JsonBody.array(body, "", "pairs", 1, serving.config().maxBatchPairs());
    int[] users = new int[pairs.size()];
    int[] movies = new int[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      String path = "pairs[" + i + "]";
      JsonNode pair = JsonBody.element(pairs, "pairs", i);
      JsonBody.allowOnly(pair, path, Set.of("user", "movie"));
      users[i] = JsonBody.id(pair, path, "user");
      movies[i] = JsonBody.id(pair, path, "movie");
    }
    try (ModelLease lease = serving.models().lease()) {
      float[] ratings = lease.served().model().predict(users, movies);
      List<Prediction> predictions = new ArrayList<>(ratings.length);
      for (int i = 0; i < ratings.length; i++) {
        predictions.add(new Prediction(users[i], movies[i], ratings[i]));
      }
      ctx.json(new Predictions(lease.served().version(), predictions));
    }
  }
}
