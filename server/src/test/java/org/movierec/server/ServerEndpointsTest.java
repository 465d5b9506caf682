package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieFilter;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import org.movierec.server.RunningServer.Reply;

/** Every JSON endpoint answers what the library answers for the same model file. */
class ServerEndpointsTest {

  @TempDir static Path dir;

  private static Path file;
  private static RunningServer running;
  private static Model library;

  @BeforeAll
  static void start() throws Exception {
    file = TestModels.save(dir.resolve("model.mrec"), 15);
    running =
        RunningServer.start(
            MovieRecServer.builder().setModelFile(file).optData(TestModels.data()),
            ServerConfig.builder());
    library = TestModels.load(file);
  }

  @AfterAll
  static void stop() {
    running.close();
    library.close();
  }

  @Test
  void recommendations_knownUser_matchLibraryWithTitlesAndVersion() throws Exception {
    int user = TestModels.user(3);
    Reply reply = running.get("/v1/users/" + user + "/recommendations?top=7");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/json");
    JsonNode json = reply.json();
    assertThat(json.get("user").intValue()).isEqualTo(user);
    assertThat(json.get("known_user").booleanValue()).isTrue();
    assertThat(json.get("model_version").textValue()).isEqualTo(running.server.served().version());
    List<Recommendation> expected = library.recommend(user, 7);
    JsonNode items = json.get("recommendations");
    assertThat(items).hasSize(7);
    for (int i = 0; i < expected.size(); i++) {
      JsonNode item = items.get(i);
      int movie = expected.get(i).rawMovieId();
      assertThat(item.get("movie").intValue()).isEqualTo(movie);
      assertThat(item.get("predicted_rating").floatValue())
          .isEqualTo(expected.get(i).predictedRating());
      assertThat(item.get("score").floatValue()).isEqualTo(expected.get(i).score());
      int m = (movie - 10) / 2;
      assertThat(item.get("title").textValue())
          .isEqualTo("Film <" + m + "> & Co (" + (1990 + m % 10) + ")");
      assertThat(item.get("genres").get(0).textValue()).isEqualTo(TestModels.GENRES[m % 4]);
    }
  }

  @Test
  void recommendations_withFilters_matchTheLibrarysFilteredList() throws Exception {
    int user = TestModels.user(9);
    List<Recommendation> unfiltered = library.recommend(user, 3);
    int excluded = unfiltered.get(0).rawMovieId();
    Reply reply =
        running.get(
            "/v1/users/"
                + user
                + "/recommendations?top=4&genre=drama&min_ratings=15&exclude="
                + excluded
                + ","
                + unfiltered.get(1).rawMovieId());

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<Recommendation> expected =
        library.recommend(
            user,
            RecommendRequest.builder()
                .setCount(4)
                .optFilter(MovieFilter.genre(TestModels.data().catalog(), "Drama"))
                .optMinRatings(15)
                .optExclude(excluded, unfiltered.get(1).rawMovieId())
                .build());
    assertThat(expected).isNotEmpty();
    assertThat(reply.json().get("recommendations"))
        .extracting(item -> item.get("movie").intValue())
        .containsExactlyElementsOf(expected.stream().map(Recommendation::rawMovieId).toList());
    assertThat(reply.json().get("recommendations"))
        .allSatisfy(item -> assertThat(item.get("genres").get(0).textValue()).isEqualTo("Drama"));
  }

  @Test
  void recommendations_unknownGenre_is400NamingTheCatalogsGenres() throws Exception {
    Reply reply = running.get("/v1/users/" + TestModels.user(1) + "/recommendations?genre=Western");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("error").get("field").textValue()).isEqualTo("genre");
    assertThat(reply.json().get("error").get("message").textValue()).contains("Comedy");
  }

  @Test
  void recommendations_withoutTop_giveTen() throws Exception {
    Reply reply = running.get("/v1/users/" + TestModels.user(0) + "/recommendations");

    assertThat(reply.json().get("recommendations")).hasSize(10);
  }

  @Test
  void rating_onePair_matchesLibrary() throws Exception {
    int user = TestModels.user(5);
    int movie = TestModels.movie(8);
    Reply reply = running.get("/v1/users/" + user + "/movies/" + movie + "/rating");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("predicted_rating").floatValue())
        .isEqualTo(library.predict(user, movie));
    assertThat(reply.json().get("known_user").booleanValue()).isTrue();
    assertThat(reply.json().get("known_movie").booleanValue()).isTrue();
  }

  @Test
  void batch_manyPairs_matchLibraryInRequestOrder() throws Exception {
    List<int[]> pairs = new ArrayList<>();
    for (int u = 0; u < TestModels.USERS; u += 3) {
      for (int m = 0; m < TestModels.MOVIES; m += 4) {
        pairs.add(new int[] {TestModels.user(u), TestModels.movie(m)});
      }
    }
    pairs.add(new int[] {TestModels.UNKNOWN_USER, TestModels.movie(1)});
    StringBuilder body = new StringBuilder("{\"pairs\": [");
    for (int i = 0; i < pairs.size(); i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"user\":")
          .append(pairs.get(i)[0])
          .append(",\"movie\":")
          .append(pairs.get(i)[1])
          .append('}');
    }
    Reply reply = running.post("/v1/ratings:predict", body.append("]}").toString());

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonNode predictions = reply.json().get("predictions");
    assertThat(predictions).hasSize(pairs.size());
    for (int i = 0; i < pairs.size(); i++) {
      assertThat(predictions.get(i).get("user").intValue()).isEqualTo(pairs.get(i)[0]);
      assertThat(predictions.get(i).get("movie").intValue()).isEqualTo(pairs.get(i)[1]);
      assertThat(predictions.get(i).get("predicted_rating").floatValue())
          .isEqualTo(library.predict(pairs.get(i)[0], pairs.get(i)[1]));
    }
  }

  @Test
  void ratings_ofUser_comeFromTheDatasetBestFirst() throws Exception {
    int user = TestModels.user(2);
    Reply reply = running.get("/v1/users/" + user + "/ratings");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("source").textValue()).isEqualTo("data");
    JsonNode ratings = reply.json().get("ratings");
    assertThat(ratings.size()).isEqualTo(reply.json().get("count").intValue()).isPositive();
    for (int i = 1; i < ratings.size(); i++) {
      assertThat(ratings.get(i).get("rating").floatValue())
          .isLessThanOrEqualTo(ratings.get(i - 1).get("rating").floatValue());
    }
    assertThat(ratings.get(0).get("title").textValue()).startsWith("Film <");
  }

  @Test
  void users_page_listsTheModelsUsers() throws Exception {
    Reply reply = running.get("/v1/users?offset=5&limit=3");

    assertThat(reply.json().get("total").intValue()).isEqualTo(TestModels.USERS);
    assertThat(reply.json().get("users"))
        .extracting(JsonNode::intValue)
        .containsExactly(
            library.users().rawId(5), library.users().rawId(6), library.users().rawId(7));
  }

  @Test
  void movies_searchByTitlePiece_findsThemIgnoringCase() throws Exception {
    Reply reply = running.get("/v1/movies?query=film%20%3C2&limit=5");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("movies"))
        .extracting(node -> node.get("title").textValue())
        .containsExactly(
            "Film <2> & Co (1992)",
            "Film <20> & Co (1990)",
            "Film <21> & Co (1991)",
            "Film <22> & Co (1992)",
            "Film <23> & Co (1993)");
  }

  @Test
  void movie_known_hasTitleAndIsScorable() throws Exception {
    Reply reply = running.get("/v1/movies/" + TestModels.movie(4));

    assertThat(reply.json().get("title").textValue()).isEqualTo("Film <4> & Co (1994)");
    assertThat(reply.json().get("known_movie").booleanValue()).isTrue();
  }

  @Test
  void model_describesBackendVersionAndTraining() throws Exception {
    Reply reply = running.get("/v1/model");

    JsonNode json = reply.json();
    assertThat(json.get("backend").textValue()).isEqualTo("baseline");
    assertThat(json.get("version").textValue()).hasSize(64).isEqualTo(sha256(file));
    assertThat(json.get("generation").intValue()).isEqualTo(1);
    assertThat(json.get("file").textValue()).isEqualTo("model.mrec");
    assertThat(json.get("users").intValue()).isEqualTo(TestModels.USERS);
    assertThat(json.get("movies").intValue()).isEqualTo(TestModels.MOVIES);
    assertThat(json.get("cold_start").textValue()).isEqualTo("fallback");
    assertThat(json.get("ranking_score").get("name").textValue()).isEqualTo("rating_estimate");
    assertThat(json.get("config").get("bias_reg_user").textValue()).isEqualTo("15");
    assertThat(json.get("training").get("epochs_run").intValue()).isEqualTo(1);
    assertThat(json.get("data_fingerprint").textValue())
        .isEqualTo(library.info().trainedFrom().orElseThrow().dataSha256())
        .hasSize(64);
    assertThat(json.get("training_ratings").longValue()).isEqualTo(TestModels.data().size());
    assertThat(java.time.Instant.parse(json.get("trained_at").textValue()))
        .isBefore(java.time.Instant.now());
  }

  @Test
  void health_liveAndReady_answer() throws Exception {
    assertThat(running.get("/health/live").status()).isEqualTo(200);
    Reply ready = running.get("/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("model_version").textValue()).isEqualTo(sha256(file));
  }

  static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256")
                .digest(java.nio.file.Files.readAllBytes(file)));
  }
}
