package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.config.ConfigException;
import org.movierec.core.store.RatingStore;
import org.movierec.server.RunningServer.Reply;
import org.movierec.server.feedback.Feedback;

/** The write endpoints against a real SQLite store holding the training data. */
class FeedbackTest {

  private static final int NEW_USER = 5_000;

  @TempDir Path dir;

  private Path model;
  private RatingStore store;
  private RunningServer running;

  @BeforeEach
  void start() throws Exception {
    model = TestModels.save(dir.resolve("model.mrec"), 15);
    store = StoredUsers.imported(dir.resolve("ratings.db").toString());
    running = serve(Optional.empty());
  }

  @AfterEach
  void stop() {
    running.close();
    store.close();
  }

  private RunningServer serve(Optional<String> token) throws Exception {
    return RunningServer.start(
        MovieRecServer.builder()
            .setModelFile(model)
            .optData(TestModels.data())
            .optFeedback(Feedback.of(store, token)),
        ServerConfig.builder());
  }

  @Test
  void fiveRatings_newUser_listHoldsNoneOfThemAndDiffersFromColdStart() throws Exception {
    List<Integer> coldStart =
        running.get("/v1/users/" + NEW_USER + "/recommendations").recommendedMovies();
    List<Integer> rated = coldStart.subList(0, 5);

    for (int movie : rated) {
      Reply written =
          running.post(
              "/v1/users/" + NEW_USER + "/ratings", "{\"movie\": " + movie + ", \"rating\": 5}");
      assertThat(written.status()).as(written.body()).isEqualTo(201);
      assertThat(written.json().get("written").intValue()).isEqualTo(1);
    }
    Reply list = running.get("/v1/users/" + NEW_USER + "/recommendations");

    assertThat(list.json().get("fitted_from").textValue()).isEqualTo("store");
    assertThat(list.recommendedMovies()).doesNotContainAnyElementsOf(rated).isNotEqualTo(coldStart);
    assertThat(store.userRatings(NEW_USER)).hasSize(5);
  }

  @Test
  void firstRating_newUser_isReportedAsANewUser() throws Exception {
    Reply first =
        running.post(
            "/v1/users/" + NEW_USER + "/ratings",
            "{\"ratings\": [{\"movie\": 10, \"rating\": 4}, {\"movie\": 12, \"rating\": 2,"
                + " \"timestamp\": 1700000000}]}");
    Reply second =
        running.post("/v1/users/" + NEW_USER + "/ratings", "{\"movie\": 14, \"rating\": 3}");

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("new_user").booleanValue()).isTrue();
    assertThat(first.json().get("stored_ratings").intValue()).isEqualTo(2);
    assertThat(second.json().get("new_user").booleanValue()).isFalse();
    assertThat(store.userRatings(NEW_USER).get(1).epochSeconds()).isEqualTo(1_700_000_000L);
  }

  @Test
  void lowRatings_knownUser_lowerTheirPredictions() throws Exception {
    int user = TestModels.user(3);
    String prediction = "/v1/users/" + user + "/movies/" + TestModels.movie(0) + "/rating";
    float before = running.get(prediction).json().get("predicted_rating").floatValue();
    StringBuilder batch = new StringBuilder("{\"ratings\": [");
    for (int m = 1; m < TestModels.MOVIES; m++) {
      batch.append(m == 1 ? "" : ",").append("{\"movie\": ").append(TestModels.movie(m));
      batch.append(", \"rating\": 1}");
    }
    Reply written = running.post("/v1/users/" + user + "/ratings", batch + "]}");

    float after = running.get(prediction).json().get("predicted_rating").floatValue();
    assertThat(written.status()).as(written.body()).isEqualTo(201);
    assertThat(after).isLessThan(before);
    assertThat(running.get("/v1/users/" + user + "/ratings").json().get("source").textValue())
        .isEqualTo("store");
  }

  @Test
  void badInput_isRefusedNamingTheFieldAndWritesNothing() throws Exception {
    long before = store.size();
    String path = "/v1/users/" + NEW_USER + "/ratings";

    Reply offScale = running.post(path, "{\"movie\": 10, \"rating\": 6}");
    Reply unknown =
        running.post(
            path,
            "{\"ratings\": [{\"movie\": 10, \"rating\": 3}, {\"movie\": "
                + TestModels.UNKNOWN_MOVIE
                + ", \"rating\": 3}]}");
    Reply twice =
        running.post(
            path,
            "{\"ratings\": [{\"movie\": 10, \"rating\": 3}, {\"movie\": 10, \"rating\": 4}]}");
    Reply malformed = running.post(path, "{\"movie\": 10, \"rating\": ");
    Reply stray = running.post(path, "{\"movie\": 10, \"rating\": 3, \"stars\": 3}");

    assertThat(offScale.status()).isEqualTo(422);
    assertThat(field(offScale)).isEqualTo("rating");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(field(unknown)).isEqualTo("ratings[1].movie");
    assertThat(twice.status()).isEqualTo(400);
    assertThat(field(twice)).isEqualTo("ratings[1].movie");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("error").get("code").textValue()).isEqualTo("invalid_json");
    assertThat(stray.status()).isEqualTo(400);
    assertThat(field(stray)).isEqualTo("stars");
    assertThat(store.size()).isEqualTo(before);
    assertThat(store.userRatings(NEW_USER)).isEmpty();
  }

  @Test
  void forget_knownUser_deletesTheirDataAndServesThemAsANewUserEvenAfterARestart()
      throws Exception {
    int user = TestModels.user(5);
    List<Integer> coldStart =
        running
            .get("/v1/users/" + TestModels.UNKNOWN_USER + "/recommendations")
            .recommendedMovies();
    assertThat(running.get("/v1/users/" + user + "/recommendations").recommendedMovies())
        .isNotEqualTo(coldStart);

    Reply forgotten = delete("/v1/users/" + user);

    assertThat(forgotten.status()).isEqualTo(200);
    assertThat(forgotten.json().get("deleted_ratings").intValue()).isPositive();
    assertThat(store.userRatings(user)).isEmpty();
    Reply list = running.get("/v1/users/" + user + "/recommendations");
    assertThat(list.json().get("fitted_from").textValue()).isEqualTo("store");
    assertThat(list.recommendedMovies()).isEqualTo(coldStart);
    assertThat(running.get("/v1/users/" + user + "/ratings").json().get("count").intValue())
        .as("a forgotten user's ratings are shown from nowhere, the model's training list included")
        .isZero();
    running.close();
    running = serve(Optional.empty());
    assertThat(running.get("/v1/users/" + user + "/recommendations").recommendedMovies())
        .isEqualTo(coldStart);
    assertThat(running.get("/v1/users/" + user + "/ratings").json().get("count").intValue())
        .isZero();
  }

  @Test
  void deleteOneRating_thenAgain_isOkThenNotFound() throws Exception {
    running.post("/v1/users/" + NEW_USER + "/ratings", "{\"movie\": 10, \"rating\": 4}");

    Reply first = delete("/v1/users/" + NEW_USER + "/ratings/10");
    Reply second = delete("/v1/users/" + NEW_USER + "/ratings/10");

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(404);
    assertThat(field(second)).isEqualTo("movie");
    assertThat(store.userRatings(NEW_USER)).isEmpty();
  }

  @Test
  void restart_ratingsWrittenBefore_stillShapeTheList() throws Exception {
    List<Integer> coldStart =
        running.get("/v1/users/" + NEW_USER + "/recommendations").recommendedMovies();
    for (int movie : coldStart.subList(0, 3)) {
      running.post(
          "/v1/users/" + NEW_USER + "/ratings", "{\"movie\": " + movie + ", \"rating\": 5}");
    }
    running.close();

    running = serve(Optional.empty());
    Reply list = running.get("/v1/users/" + NEW_USER + "/recommendations");

    assertThat(list.json().get("fitted_from").textValue()).isEqualTo("store");
    assertThat(list.recommendedMovies()).doesNotContainAnyElementsOf(coldStart.subList(0, 3));
  }

  @Test
  void writeToken_missingOrWrong_is401AndWritesNothing() throws Exception {
    running.close();
    String token = "a-write-token-of-16+";
    running = serve(Optional.of(token));
    String path = "/v1/users/" + NEW_USER + "/ratings";
    String body = "{\"movie\": 10, \"rating\": 4}";

    Reply none = running.post(path, body);
    Reply wrong = running.send(post(path, body).header("Authorization", "Bearer nope"));
    Reply right = running.send(post(path, body).header("Authorization", "Bearer " + token));

    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().get("error").get("message").textValue()).contains("write_token");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(right.status()).isEqualTo(201);
    assertThat(store.userRatings(NEW_USER)).hasSize(1);
  }

  @Test
  void noStore_writeEndpoints_say501AndHowToStartWithOne() throws Exception {
    try (RunningServer plain =
        RunningServer.start(MovieRecServer.builder().setModelFile(model), ServerConfig.builder())) {
      Reply reply = plain.post("/v1/users/1/ratings", "{\"movie\": 10, \"rating\": 4}");

      assertThat(reply.status()).isEqualTo(501);
      assertThat(reply.json().get("error").get("message").textValue()).contains("--store");
    }
  }

  @Test
  void build_storeWithoutTokenOnAllInterfaces_isRefused() {
    assertThatThrownBy(
            () ->
                MovieRecServer.builder()
                    .setModelFile(model)
                    .optFeedback(Feedback.of(store, Optional.empty()))
                    .optConfig(ServerConfig.builder().optHost("0.0.0.0").build())
                    .build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("write_token");
  }

  private Reply delete(String path) throws Exception {
    return running.send(HttpRequest.newBuilder(running.uri(path)).DELETE());
  }

  private HttpRequest.Builder post(String path, String body) {
    return HttpRequest.newBuilder(running.uri(path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static String field(Reply reply) {
    return reply.json().get("error").get("field").textValue();
  }
}
