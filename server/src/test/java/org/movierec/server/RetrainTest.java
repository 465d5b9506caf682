package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.store.RatingStore;
import org.movierec.core.store.RatingStores;
import org.movierec.core.store.StoredRating;
import org.movierec.server.RunningServer.Reply;
import org.movierec.server.feedback.Feedback;
import org.movierec.server.feedback.RetrainCycle;
import org.movierec.server.feedback.RetrainPolicy;

/** Background retraining against a real SQLite store: swap, refusal, force and lineage. */
class RetrainTest {

  private static final String ADMIN = "an-admin-token-0123";

  @TempDir Path dir;

  private RunningServer serve(Path model, RatingStore store) throws Exception {
    return RunningServer.start(
        MovieRecServer.builder()
            .setModelFile(model)
            .optData(TestModels.data())
            .optFeedback(Feedback.of(store, Optional.empty()))
            .optRetrain(new RetrainPolicy(java.time.Duration.ZERO, 0, false, 3)),
        ServerConfig.builder().optAdminToken(ADMIN));
  }

  @Test
  void retrain_afterNewFeedback_swapsInABetterCandidateKeepingThePreviousFile() throws Exception {
    Path model = TestModels.save(dir.resolve("model.mrec"), 15);
    byte[] previous = Files.readAllBytes(model);
    try (RatingStore store = StoredUsers.imported(dir.resolve("ratings.db").toString());
        RunningServer running = serve(model, store)) {
      // Six harsh new users: the serving model can only guess them; a retrained one knows them.
      for (int u = 0; u < 6; u++) {
        StringBuilder batch = new StringBuilder("{\"ratings\": [");
        for (int m = 0; m < 20; m++) {
          batch.append(m == 0 ? "" : ",");
          batch.append("{\"movie\": ").append(TestModels.movie(m)).append(", \"rating\": 1}");
        }
        assertThat(running.post("/v1/users/" + (7_000 + u) + "/ratings", batch + "]}").status())
            .isEqualTo(201);
      }
      String before = running.server.served().version();

      Reply cycle = retrain(running, "");

      assertThat(cycle.status()).as(cycle.body()).isEqualTo(200);
      JsonNode done = cycle.json();
      assertThat(done.get("holdout").textValue()).isEqualTo("new-feedback");
      assertThat(done.get("holdout_ratings").intValue()).isEqualTo(60);
      assertThat(done.get("snapshot_ratings").longValue()).isEqualTo(store.size());
      assertThat(done.get("candidate").get("rmse").doubleValue())
          .isLessThan(done.get("serving").get("rmse").doubleValue());
      assertThat(done.get("swapped").booleanValue()).isTrue();
      assertThat(done.get("previous_version").textValue()).isEqualTo(before);
      assertThat(running.server.served().version())
          .isEqualTo(done.get("version").textValue())
          .isNotEqualTo(before);
      assertThat(running.server.served().file().getFileName().toString())
          .startsWith("model.retrain-");
      assertThat(Files.readAllBytes(model)).isEqualTo(previous);
      JsonNode lineage = running.get("/v1/model/lineage").json();
      assertThat(lineage.get("cycles")).hasSize(1);
      assertThat(lineage.get("cycles").get(0).get("previous_file").textValue())
          .isEqualTo(model.toString());
      // The new model trained on the users it had only guessed; the half of their ratings held
      // out of its training is refit in from the store, as is any rating written from now on.
      Reply list = running.get("/v1/users/7000/recommendations");
      assertThat(list.json().get("known_user").booleanValue()).isTrue();
      assertThat(list.json().get("fitted_from").textValue()).isEqualTo("store");
      int untouched = TestModels.user(2);
      assertThat(fittedFrom(running, untouched)).isEqualTo("model");
      running.post(
          "/v1/users/" + untouched + "/ratings",
          "{\"movie\": " + TestModels.movie(25) + ", \"rating\": 2}");
      assertThat(fittedFrom(running, untouched)).isEqualTo("store");
    }
  }

  private static String fittedFrom(RunningServer running, int user) throws Exception {
    return running
        .get("/v1/users/" + user + "/recommendations")
        .json()
        .get("fitted_from")
        .textValue();
  }

  @Test
  void retrain_onAStoreLeftWithAFewRatings_refusesTheWorseCandidateUnlessForced() throws Exception {
    Path model = TestModels.save(dir.resolve("model.mrec"), 15);
    String location = dir.resolve("few.db").toString();
    try (RatingStore store = RatingStores.discover().open(location)) {
      RatingDataset data = TestModels.data();
      store.requireScale(data.scale());
      List<StoredRating> few = new ArrayList<>();
      for (int row = 0; row < data.size(); row += 8) {
        few.add(
            new StoredRating(
                data.rawUserId(row), data.rawMovieId(row), data.rating(row), data.timestamp(row)));
      }
      store.append(few);
      try (RunningServer running = serve(model, store)) {
        String before = running.server.served().version();

        Reply refused = retrain(running, "");

        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        assertThat(refused.json().get("holdout").textValue()).isEqualTo("random");
        assertThat(refused.json().get("swapped").booleanValue()).isFalse();
        assertThat(refused.json().get("reason").textValue()).startsWith("refused: RMSE");
        assertThat(running.server.served().version()).isEqualTo(before);
        assertThat(Path.of(refused.json().get("candidate_file").textValue())).isRegularFile();

        Reply forced = retrain(running, "{\"force\": true}");

        assertThat(forced.json().get("swapped").booleanValue()).isTrue();
        assertThat(forced.json().get("reason").textValue()).startsWith("forced although RMSE");
        assertThat(running.server.served().version()).isNotEqualTo(before);
        List<RetrainCycle> lineage = running.server.retrainer().orElseThrow().lineage();
        assertThat(lineage).extracting(RetrainCycle::swapped).containsExactly(false, true);
      }
    }
  }

  @Test
  void retrainAfter_countReached_runsACycleByItself() throws Exception {
    Path model = TestModels.save(dir.resolve("model.mrec"), 15);
    try (RatingStore store = StoredUsers.imported(dir.resolve("ratings.db").toString());
        RunningServer running =
            RunningServer.start(
                MovieRecServer.builder()
                    .setModelFile(model)
                    .optData(TestModels.data())
                    .optFeedback(Feedback.of(store, Optional.empty()))
                    .optRetrain(new RetrainPolicy(java.time.Duration.ZERO, 30, false, 3)),
                ServerConfig.builder())) {
      StringBuilder batch = new StringBuilder("{\"ratings\": [");
      for (int m = 0; m < 29; m++) {
        batch.append(m == 0 ? "" : ",");
        batch.append("{\"movie\": ").append(TestModels.movie(m)).append(", \"rating\": 2}");
      }
      running.post("/v1/users/8000/ratings", batch + "]}");
      Thread.sleep(2_500);
      assertThat(running.server.retrainer().orElseThrow().lineage()).isEmpty();
      assertThat(running.get("/v1/model/lineage").json().get("writes_since_last_cycle").intValue())
          .isEqualTo(29);

      running.post("/v1/users/8001/ratings", "{\"movie\": 10, \"rating\": 2}");
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (running.server.retrainer().orElseThrow().lineage().isEmpty()
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }

      assertThat(running.server.retrainer().orElseThrow().lineage()).hasSize(1);
    }
  }

  @Test
  void retrain_withoutTheAdminToken_is401() throws Exception {
    Path model = TestModels.save(dir.resolve("model.mrec"), 15);
    try (RatingStore store = StoredUsers.imported(dir.resolve("ratings.db").toString());
        RunningServer running = serve(model, store)) {
      Reply reply = running.post("/admin/retrain", "");

      assertThat(reply.status()).isEqualTo(401);
      assertThat(running.server.retrainer().orElseThrow().lineage()).isEmpty();
    }
  }

  private static Reply retrain(RunningServer running, String body) throws Exception {
    return running.send(
        HttpRequest.newBuilder(running.uri("/admin/retrain"))
            .header("Authorization", "Bearer " + ADMIN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
