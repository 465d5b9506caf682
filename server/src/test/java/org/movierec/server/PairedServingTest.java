package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.Recommendation;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.store.RatingStore;
import org.movierec.server.RunningServer.Reply;
import org.movierec.server.feedback.Feedback;
import org.movierec.server.feedback.RetrainPolicy;
import org.movierec.server.model.ModelFiles;

/**
 * A server given a model file and a rating model file, both real model files trained on the test
 * ratings: lists come from the model file, every predicted rating from the rating model file,
 * {@code /v1/model} describes both, a reload swaps both or neither, and a pair of models that did
 * not learn from the same ratings is refused.
 */
class PairedServingTest {

  private static final String TOKEN = "test-token-0123456789";

  @TempDir static Path dir;

  private static Path rank;
  private static Path tuned;
  private static Path fewer;
  private static Model ranking;
  private static Model rating;

  @BeforeAll
  static void models() throws Exception {
    rank = TestModels.save(dir.resolve("rank.mrec"), 2);
    tuned = TestModels.save(dir.resolve("tuned.mrec"), 60);
    fewer = withoutOneMovie(dir.resolve("fewer.mrec"));
    ranking = TestModels.load(rank);
    rating = TestModels.load(tuned);
    int user = TestModels.user(4);
    assertThat(ids(ranking.recommend(user, 10)))
        .as("the two models must order lists differently for the test to tell them apart")
        .isNotEqualTo(ids(rating.recommend(user, 10)));
  }

  @AfterAll
  static void close() {
    ranking.close();
    rating.close();
  }

  @Test
  void recommendations_ofAPair_areTheModelFilesListWithTheRatingModelFilesStars() throws Exception {
    try (RunningServer running = start(rank, tuned)) {
      int user = TestModels.user(4);
      Reply reply = running.get("/v1/users/" + user + "/recommendations?top=10");

      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      List<Recommendation> expected = ranking.recommend(user, 10);
      JsonNode items = reply.json().get("recommendations");
      assertThat(items).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        int movie = expected.get(i).rawMovieId();
        assertThat(items.get(i).get("movie").intValue()).isEqualTo(movie);
        assertThat(items.get(i).get("score").floatValue()).isEqualTo(expected.get(i).score());
        assertThat(items.get(i).get("predicted_rating").floatValue())
            .isEqualTo(rating.predict(user, movie))
            .isNotEqualTo(expected.get(i).predictedRating());
      }
      int movie = TestModels.movie(8);
      assertThat(
              running
                  .get("/v1/users/" + user + "/movies/" + movie + "/rating")
                  .json()
                  .get("predicted_rating")
                  .floatValue())
          .isEqualTo(rating.predict(user, movie));
    }
  }

  @Test
  void foldIn_ofAPair_ordersByTheModelFileAndRatesByTheRatingModelFile() throws Exception {
    try (RunningServer running = start(rank, tuned)) {
      int liked = TestModels.movie(3);
      int disliked = TestModels.movie(6);
      Reply reply =
          running.post(
              "/v1/recommendations",
              "{\"ratings\": [{\"movie\": "
                  + liked
                  + ", \"rating\": 5}, {\"movie\": "
                  + disliked
                  + ", \"rating\": 1}], \"top\": 8}");

      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      List<MovieRating> given = List.of(new MovieRating(liked, 5), new MovieRating(disliked, 1));
      List<Recommendation> expected = ranking.foldIn(given).recommend(8);
      JsonNode items = reply.json().get("recommendations");
      assertThat(items).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        int movie = expected.get(i).rawMovieId();
        assertThat(items.get(i).get("movie").intValue()).isEqualTo(movie);
        assertThat(items.get(i).get("predicted_rating").floatValue())
            .isEqualTo(rating.foldIn(given).predict(movie));
      }
    }
  }

  @Test
  void model_ofAPair_describesWhichFileAnswersListsAndWhichStars() throws Exception {
    try (RunningServer running = start(rank, tuned)) {
      JsonNode model = running.get("/v1/model").json();

      String rankVersion = ServerEndpointsTest.sha256(rank);
      String tunedVersion = ServerEndpointsTest.sha256(tuned);
      assertThat(model.get("version").textValue()).isEqualTo(rankVersion + "+" + tunedVersion);
      assertThat(model.get("file").textValue()).isEqualTo("rank.mrec");
      assertThat(model.get("answers").textValue()).startsWith("lists").doesNotContain("rating");
      assertThat(model.get("config").get("bias_reg_user").textValue()).isEqualTo("2");
      JsonNode stars = model.get("rating_model");
      assertThat(stars.get("file").textValue()).isEqualTo("tuned.mrec");
      assertThat(stars.get("version").textValue()).isEqualTo(tunedVersion);
      assertThat(stars.get("answers").textValue()).startsWith("predicted ratings");
      assertThat(stars.get("backend").textValue()).isEqualTo("baseline");
      assertThat(stars.get("config").get("bias_reg_user").textValue()).isEqualTo("60");
      assertThat(
              running
                  .get("/v1/users/" + TestModels.user(1) + "/recommendations")
                  .json()
                  .get("model_version")
                  .textValue())
          .isEqualTo(rankVersion + "+" + tunedVersion);
    }
  }

  @Test
  void model_ofOneFile_saysItAnswersListsAndStarsAndHasNoRatingModel() throws Exception {
    try (RunningServer running = start(rank, null)) {
      JsonNode model = running.get("/v1/model").json();

      assertThat(model.get("version").textValue()).isEqualTo(ServerEndpointsTest.sha256(rank));
      assertThat(model.get("answers").textValue())
          .startsWith("lists")
          .contains("predicted ratings");
      assertThat(model.has("rating_model")).isFalse();
    }
  }

  @Test
  void reload_withoutBody_readsBothFilesAgain() throws Exception {
    try (RunningServer running = start(rank, tuned)) {
      Reply reply = reload(running, "");

      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(reply.json().get("generation").intValue()).isEqualTo(2);
      assertThat(reply.json().get("file").textValue()).isEqualTo("rank.mrec");
      assertThat(reply.json().get("rating_file").textValue()).isEqualTo("tuned.mrec");
      assertThat(running.server.served().ratingFile()).contains(tuned.toRealPath());
    }
  }

  @Test
  void reload_aPairThatDoesNotMatch_isRefusedAndTheOldPairKeepsServing() throws Exception {
    try (RunningServer running = start(rank, tuned)) {
      String before = running.server.served().version();

      Reply reply = reload(running, "{\"model\": \"rank.mrec\", \"rating_model\": \"fewer.mrec\"}");

      assertThat(reply.status()).as(reply.body()).isEqualTo(422);
      String message = reply.json().get("error").get("message").textValue();
      assertThat(message)
          .contains("rank.mrec knows 30 movies, fewer.mrec 29")
          .contains("train both on the same ratings")
          .contains("the old model keeps serving")
          .doesNotContain(dir.toString());
      assertThat(running.server.served().version()).isEqualTo(before);
      assertThat(running.server.served().generation()).isEqualTo(1);
      assertThat(running.get("/v1/model").json().get("rating_model").get("file").textValue())
          .isEqualTo("tuned.mrec");
    }
  }

  @Test
  void reload_modelAloneThenBothNames_servesOneFileThenThePairAgain() throws Exception {
    try (RunningServer running = start(rank, tuned)) {
      Reply alone = reload(running, "{\"model\": \"tuned.mrec\"}");

      assertThat(alone.status()).as(alone.body()).isEqualTo(200);
      assertThat(alone.json().has("rating_file")).isFalse();
      assertThat(running.get("/v1/model").json().has("rating_model")).isFalse();

      Reply pair = reload(running, "{\"model\": \"rank.mrec\", \"rating_model\": \"tuned.mrec\"}");

      assertThat(pair.status()).as(pair.body()).isEqualTo(200);
      assertThat(pair.json().get("rating_file").textValue()).isEqualTo("tuned.mrec");
      assertThat(pair.json().get("version").textValue())
          .isEqualTo(ServerEndpointsTest.sha256(rank) + "+" + ServerEndpointsTest.sha256(tuned));
    }
  }

  @Test
  void reload_ratingModelWithoutModel_is400NamingTheMissingField() throws Exception {
    try (RunningServer running = start(rank, tuned)) {
      Reply reply = reload(running, "{\"rating_model\": \"tuned.mrec\"}");

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().get("error").get("field").textValue()).isEqualTo("model");
      assertThat(
              reload(running, "{\"model\": \"rank.mrec\", \"rating_model\": \"rank.mrec\"}")
                  .status())
          .isEqualTo(400);
    }
  }

  @Test
  void start_withAPairThatDoesNotMatch_failsNamingBothFiles() {
    assertThatThrownBy(() -> start(rank, fewer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rank.mrec knows 30 movies, fewer.mrec 29");
  }

  @Test
  void retrain_ofAPair_isRefusedSayingToRetrainBothFiles() throws Exception {
    try (RatingStore store = StoredUsers.imported(dir.resolve("ratings.db").toString());
        RunningServer running =
            RunningServer.start(
                MovieRecServer.builder()
                    .setModelFile(rank)
                    .optRatingModelFile(tuned)
                    .optFeedback(Feedback.of(store, Optional.empty())),
                ServerConfig.builder().optAdminToken(TOKEN))) {
      Reply reply =
          running.send(
              HttpRequest.newBuilder(running.uri("/admin/retrain"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .POST(HttpRequest.BodyPublishers.noBody()));

      assertThat(reply.status()).as(reply.body()).isEqualTo(409);
      assertThat(reply.json().get("error").get("message").textValue())
          .contains("rank.mrec for lists, tuned.mrec for predicted ratings")
          .contains("POST /admin/reload");
      assertThatThrownBy(
              () ->
                  MovieRecServer.builder()
                      .setModelFile(rank)
                      .optRatingModelFile(tuned)
                      .optFeedback(Feedback.of(store, Optional.empty()))
                      .optRetrain(new RetrainPolicy(java.time.Duration.ofHours(1), 0, false, 1))
                      .build())
          .hasMessageContaining("drop --retrain-every and --retrain-after");
    }
  }

  @Test
  void reload_throughTheLibrary_swapsBothFilesOfAPair() throws Exception {
    try (RunningServer running = start(rank, null)) {
      running.server.reload(ModelFiles.pair(rank, tuned));

      assertThat(running.server.served().ratingFile()).contains(tuned);
      assertThat(running.server.served().model().predict(TestModels.user(3), TestModels.movie(2)))
          .isEqualTo(rating.predict(TestModels.user(3), TestModels.movie(2)));
    }
  }

  private static RunningServer start(Path model, Path ratingModel) throws Exception {
    MovieRecServer.Builder builder =
        MovieRecServer.builder().setModelFile(model).optData(TestModels.data());
    if (ratingModel != null) {
      builder.optRatingModelFile(ratingModel);
    }
    return RunningServer.start(builder, ServerConfig.builder().optAdminToken(TOKEN));
  }

  private static Reply reload(RunningServer running, String body) throws Exception {
    return running.send(
        HttpRequest.newBuilder(running.uri("/admin/reload"))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A baseline model trained on the test ratings less every rating of the last movie. */
  private static Path withoutOneMovie(Path file) throws Exception {
    RatingDataset data = TestModels.data();
    int dropped = TestModels.movie(TestModels.MOVIES - 1);
    RatingsBuilder builder = new RatingsBuilder(data.scale());
    for (int row = 0; row < data.size(); row++) {
      if (data.rawMovieId(row) != dropped) {
        builder.add(
            data.rawUserId(row), data.rawMovieId(row), data.rating(row), data.timestamp(row));
      }
    }
    TrainingConfig config = TrainingConfig.builder().set(Keys.BACKEND, "baseline").build();
    try (Model model =
        BackendRegistry.discover().get("baseline").newTrainer().train(builder.build(), config)) {
      model.save(file);
    }
    return file;
  }

  private static List<Integer> ids(List<Recommendation> list) {
    return list.stream().map(Recommendation::rawMovieId).toList();
  }
}
