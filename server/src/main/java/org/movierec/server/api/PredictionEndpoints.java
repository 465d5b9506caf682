package org.movierec.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.movierec.server.ServerKeys;
import org.movierec.server.model.ModelLease;

/** {@code POST /v1/ratings:predict}: predicted ratings of many (user, movie) pairs at once. */
final class PredictionEndpoints {

  /** One predicted pair. */
  record Prediction(int user, int movie, float predictedRating) {}

  /** The answer, in the order of the request's pairs. */
  record Predictions(String modelVersion, List<Prediction> predictions) {}

  /** The pairs a batch computes between two looks at its deadline. */
  static final int CHUNK = 1024;

  /** A parsed batch: the pairs' users and movies, in order. */
  record Parsed(int[] users, int[] movies) {}

  private final Serving serving;
  private final RequestLimits limits;

  PredictionEndpoints(Serving serving, RequestLimits limits) {
    this.serving = serving;
    this.limits = limits;
  }

  void addTo(RoutesConfig routes) {
    routes.post("/v1/ratings:predict", this::predict);
  }

  private void predict(Context ctx) throws Exception {
    Params.allowOnly(ctx, Set.of());
    Parsed parsed = parse(serving.body(ctx), serving.json(), serving.config().maxBatchPairs());
    Duration deadline = Duration.ofMillis(serving.config().get(ServerKeys.BATCH_DEADLINE_MS));
    ctx.json(limits.compute(ctx, RequestLimits.Kind.BATCH, deadline, () -> predict(parsed)));
  }

  /** Predicts chunk by chunk, giving up between chunks once the deadline has interrupted it. */
  private Predictions predict(Parsed parsed) {
    int[] users = parsed.users();
    int[] movies = parsed.movies();
    try (ModelLease lease = serving.models().lease()) {
      List<Prediction> predictions = new ArrayList<>(users.length);
      for (int from = 0; from < users.length; from += CHUNK) {
        if (Thread.currentThread().isInterrupted()) {
          throw new ApiException(
              503, "deadline_exceeded", null, "the batch took longer than its deadline");
        }
        int to = Math.min(users.length, from + CHUNK);
        float[] ratings =
            lease
                .served()
                .model()
                .predict(Arrays.copyOfRange(users, from, to), Arrays.copyOfRange(movies, from, to));
        for (int i = 0; i < ratings.length; i++) {
          predictions.add(new Prediction(users[from + i], movies[from + i], ratings[i]));
        }
      }
      return new Predictions(lease.served().version(), predictions);
    }
  }

  /**
   * Reads a batch body of at most {@code maxPairs} pairs.
   *
   * @throws ApiException a 400 naming the field at fault
   */
  static Parsed parse(byte[] bytes, ObjectMapper json, int maxPairs) {
    JsonNode body = JsonBody.parse(bytes, json, 8 + 3 * maxPairs);
    JsonBody.allowOnly(body, "", Set.of("pairs"));
    JsonNode pairs = JsonBody.array(body, "", "pairs", 1, maxPairs);
    int[] users = new int[pairs.size()];
    int[] movies = new int[pairs.size()];
    for (int i = 0; i < pairs.size(); i++) {
      String path = "pairs[" + i + "]";
      JsonNode pair = JsonBody.element(pairs, "pairs", i);
      JsonBody.allowOnly(pair, path, Set.of("user", "movie"));
      users[i] = JsonBody.id(pair, path, "user");
      movies[i] = JsonBody.id(pair, path, "movie");
    }
    return new Parsed(users, movies);
  }
}
