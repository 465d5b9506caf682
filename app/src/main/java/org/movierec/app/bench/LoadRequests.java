package org.movierec.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.movierec.core.data.RatingScale;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.Recommendation;

/**
 * A fixed set of distinct requests over a model's users and movies, and each model's library
 * answers to them, so that an HTTP load test checks every answer by a lookup: the answer must name
 * a model version it knows and equal that model's answer exactly, which also shows that no answer
 * mixes two models.
 */
final class LoadRequests {

  /** The endpoints a load test drives. */
  enum Kind {
    RECOMMEND("GET /v1/users/{user}/recommendations"),
    RATING("GET /v1/users/{user}/movies/{movie}/rating"),
    BATCH("POST /v1/ratings:predict"),
    FOLD_IN("POST /v1/recommendations");

    final String endpoint;

    Kind(String endpoint) {
      this.endpoint = endpoint;
    }
  }

  /** How one answer compared with the library's. */
  enum Verdict {
    SAME,
    DIFFERENT,
    UNKNOWN_VERSION
  }

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Ratings a new user gives in one fold-in request. */
  static final int FOLD_IN_RATINGS = 5;

  private final Kind[] kinds;
  private final int[] users;
  private final int[][] movies;
  private final float[][] stars;
  private final int top;
  private final Map<String, Object[]> answersByVersion = new HashMap<>();

  private LoadRequests(Kind[] kinds, int[] users, int[][] movies, float[][] stars, int top) {
    this.kinds = kinds;
    this.users = users;
    this.movies = movies;
    this.stars = stars;
    this.top = top;
  }

  /**
   * Draws {@code count} requests over the reference model's users and movies, in proportions given
   * by the weights of recommendations, single ratings, batches of {@code batchSize} pairs and
   * fold-ins of a new user's {@value #FOLD_IN_RATINGS} ratings.
   */
  static LoadRequests draw(
      Model reference, int count, int top, int batchSize, int[] weights, long seed) {
    Random random = new Random(seed);
    Kind[] kinds = new Kind[count];
    int[] users = new int[count];
    int[][] movies = new int[count][];
    float[][] stars = new float[count][];
    RatingScale scale = reference.scale();
    int levels = Math.round((scale.max() - scale.min()) / scale.step()) + 1;
    for (int i = 0; i < count; i++) {
      kinds[i] = pick(random, weights);
      users[i] = reference.users().rawId(random.nextInt(reference.users().size()));
      int pairs =
          switch (kinds[i]) {
            case RECOMMEND -> 0;
            case RATING -> 1;
            case BATCH -> batchSize;
            case FOLD_IN -> FOLD_IN_RATINGS;
          };
      // Distinct movies: a fold-in refuses a movie rated twice.
      movies[i] =
          random
              .ints(0, reference.movies().size())
              .distinct()
              .limit(Math.min(pairs, reference.movies().size()))
              .map(m -> reference.movies().rawId(m))
              .toArray();
      stars[i] = new float[movies[i].length];
      for (int p = 0; p < stars[i].length; p++) {
        stars[i][p] = scale.min() + scale.step() * random.nextInt(levels);
      }
    }
    return new LoadRequests(kinds, users, movies, stars, top);
  }

  private static Kind pick(Random random, int[] weights) {
    int total = 0;
    for (int weight : weights) {
      total += weight;
    }
    int pick = random.nextInt(total);
    for (Kind kind : Kind.values()) {
      pick -= weights[kind.ordinal()];
      if (pick < 0) {
        return kind;
      }
    }
    throw new IllegalArgumentException("no weights");
  }

  /** Records a model's library answers to every request, under its version. */
  void answersOf(String version, Model model) {
    Object[] answers = new Object[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      answers[i] =
          switch (kinds[i]) {
            case RECOMMEND -> model.recommend(users[i], top);
            case RATING -> new float[] {model.predict(users[i], movies[i][0])};
            case BATCH -> model.predict(batchUsers(i), movies[i]);
            case FOLD_IN -> model.foldIn(newUserRatings(i)).recommend(top);
          };
    }
    answersByVersion.put(version, answers);
  }

  /** The number of distinct requests. */
  int size() {
    return kinds.length;
  }

  /** The endpoint of a request. */
  Kind kind(int i) {
    return kinds[i];
  }

  /** The HTTP request for request {@code i} against a server's base address. */
  HttpRequest http(URI base, int i) {
    return switch (kinds[i]) {
      case RECOMMEND ->
          HttpRequest.newBuilder(
                  base.resolve("v1/users/" + users[i] + "/recommendations?top=" + top))
              .timeout(TIMEOUT)
              .GET()
              .build();
      case RATING ->
          HttpRequest.newBuilder(
                  base.resolve("v1/users/" + users[i] + "/movies/" + movies[i][0] + "/rating"))
              .timeout(TIMEOUT)
              .GET()
              .build();
      case BATCH -> post(base.resolve("v1/ratings:predict"), batchBody(i));
      case FOLD_IN -> post(base.resolve("v1/recommendations"), foldInBody(i));
    };
  }

  /** Compares a 200 answer with the library answer of the model version it names. */
  Verdict check(int i, JsonNode body) {
    JsonNode version = body.get("model_version");
    Object[] answers = version == null ? null : answersByVersion.get(version.asText());
    if (answers == null) {
      return Verdict.UNKNOWN_VERSION;
    }
    boolean same =
        switch (kinds[i]) {
          case RECOMMEND -> sameList(body.get("recommendations"), (List<?>) answers[i]);
          case RATING -> sameRating(body.get("predicted_rating"), ((float[]) answers[i])[0]);
          case BATCH -> sameBatch(body.get("predictions"), (float[]) answers[i]);
          case FOLD_IN -> sameList(body.get("recommendations"), (List<?>) answers[i]);
        };
    return same ? Verdict.SAME : Verdict.DIFFERENT;
  }

  private static HttpRequest post(URI uri, String json) {
    return HttpRequest.newBuilder(uri)
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private List<MovieRating> newUserRatings(int i) {
    List<MovieRating> ratings = new ArrayList<>(movies[i].length);
    for (int p = 0; p < movies[i].length; p++) {
      ratings.add(new MovieRating(movies[i][p], stars[i][p]));
    }
    return ratings;
  }

  private String foldInBody(int i) {
    StringBuilder body = new StringBuilder("{\"top\":").append(top).append(",\"ratings\":[");
    for (int p = 0; p < movies[i].length; p++) {
      body.append(p == 0 ? "" : ",")
          .append("{\"movie\":")
          .append(movies[i][p])
          .append(",\"rating\":")
          .append(stars[i][p])
          .append('}');
    }
    return body.append("]}").toString();
  }

  private int[] batchUsers(int i) {
    int[] repeated = new int[movies[i].length];
    java.util.Arrays.fill(repeated, users[i]);
    return repeated;
  }

  private String batchBody(int i) {
    StringBuilder body = new StringBuilder("{\"pairs\":[");
    for (int p = 0; p < movies[i].length; p++) {
      body.append(p == 0 ? "" : ",")
          .append("{\"user\":")
          .append(users[i])
          .append(",\"movie\":")
          .append(movies[i][p])
          .append('}');
    }
    return body.append("]}").toString();
  }

  private static boolean sameList(JsonNode items, List<?> expected) {
    if (items == null || items.size() != expected.size()) {
      return false;
    }
    for (int k = 0; k < expected.size(); k++) {
      Recommendation r = (Recommendation) expected.get(k);
      if (items.get(k).path("movie").asInt(Integer.MIN_VALUE) != r.rawMovieId()
          || !sameRating(items.get(k).get("score"), r.score())
          || !sameRating(items.get(k).get("predicted_rating"), r.predictedRating())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameBatch(JsonNode predictions, float[] expected) {
    if (predictions == null || predictions.size() != expected.length) {
      return false;
    }
    for (int k = 0; k < expected.length; k++) {
      if (!sameRating(predictions.get(k).get("predicted_rating"), expected[k])) {
        return false;
      }
    }
    return true;
  }

  /** Bit-equal floats: the JSON text is read as a float directly, never through a double. */
  private static boolean sameRating(JsonNode value, float expected) {
    return value != null
        && value.isNumber()
        && Float.floatToIntBits(Float.parseFloat(value.numberValue().toString()))
            == Float.floatToIntBits(expected);
  }
}
