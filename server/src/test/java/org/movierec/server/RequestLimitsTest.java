package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieRating;
import org.movierec.core.testbackend.ForwardingModel;
import org.movierec.server.RunningServer.Reply;
import org.movierec.server.model.ModelFileLoader;

/**
 * The caps on requests in flight and the deadlines: the 65th fold-in at once is answered 503 with
 * Retry-After while 64 compute, a fold-in past its deadline is answered 503 and a batch past its
 * deadline stops; the user's ratings come a page at a time and a body's genre is bounded.
 */
class RequestLimitsTest {

  @TempDir static Path dir;

  private static Path file;

  @BeforeAll
  static void model() throws Exception {
    file = TestModels.save(dir.resolve("model.mrec"), 15);
  }

  /** A model whose fold-ins wait at a gate, counting those that wait. */
  static final class GatedFoldIns extends ForwardingModel {
    final CountDownLatch gate = new CountDownLatch(1);
    final CountDownLatch entered;

    GatedFoldIns(Model delegate, int expected) {
      super(delegate);
      entered = new CountDownLatch(expected);
    }

    @Override
    public FoldedUser foldIn(List<MovieRating> ratings) {
      entered.countDown();
      try {
        gate.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return super.foldIn(ratings);
    }
  }

  private static final String FOLD_IN =
      "{\"ratings\": [{\"movie\": " + TestModels.movie(1) + ", \"rating\": 5}], \"top\": 3}";

  @Test
  @Timeout(120)
  void foldIn_65thAtOnce_is503WithRetryAfterWhileThe64Finish() throws Exception {
    List<GatedFoldIns> models = new ArrayList<>();
    ModelFileLoader loader =
        modelFile -> {
          GatedFoldIns model = new GatedFoldIns(ModelFileLoader.discover().load(modelFile), 64);
          models.add(model);
          return model;
        };
    try (RunningServer running =
        RunningServer.start(
            MovieRecServer.builder().setModelFile(file).optLoader(loader),
            ServerConfig.builder().opt(ServerKeys.FOLDIN_DEADLINE_MS, 60_000))) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      List<CompletableFuture<HttpResponse<String>>> first = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        first.add(client.sendAsync(foldIn(running), HttpResponse.BodyHandlers.ofString()));
      }
      GatedFoldIns model = models.get(0);
      assertThat(model.entered.await(60, TimeUnit.SECONDS))
          .as("64 fold-ins computing at once")
          .isTrue();

      HttpResponse<String> refused =
          client.send(foldIn(running), HttpResponse.BodyHandlers.ofString());
      model.gate.countDown();

      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(refused.body()).contains("too_many_requests_in_flight");
      for (CompletableFuture<HttpResponse<String>> answer : first) {
        assertThat(answer.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }
      assertThat(running.post("/v1/recommendations", FOLD_IN).status()).isEqualTo(200);
    }
  }

  @Test
  @Timeout(60)
  void foldIn_pastItsDeadline_is503DeadlineExceeded() throws Exception {
    List<GatedFoldIns> models = new ArrayList<>();
    ModelFileLoader loader =
        modelFile -> {
          GatedFoldIns model = new GatedFoldIns(ModelFileLoader.discover().load(modelFile), 1);
          models.add(model);
          return model;
        };
    try (RunningServer running =
        RunningServer.start(
            MovieRecServer.builder().setModelFile(file).optLoader(loader),
            ServerConfig.builder()
                .opt(ServerKeys.FOLDIN_DEADLINE_MS, 300)
                .opt(ServerKeys.SHUTDOWN_GRACE_MS, 200))) {
      long start = System.nanoTime();
      Reply reply = running.post("/v1/recommendations", FOLD_IN);
      double seconds = (System.nanoTime() - start) / 1e9;
      models.get(0).gate.countDown();

      assertThat(reply.status()).as(reply.body()).isEqualTo(503);
      assertThat(reply.json().get("error").get("code").textValue()).isEqualTo("deadline_exceeded");
      assertThat(seconds).isLessThan(10);
    }
  }

  @Test
  void batch_pastItsDeadline_isCutAndAnswered503() throws Exception {
    ModelFileLoader slow =
        modelFile ->
            new ForwardingModel(ModelFileLoader.discover().load(modelFile)) {
              @Override
              public float[] predict(int[] users, int[] movies) {
                try {
                  Thread.sleep(200);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return super.predict(users, movies);
              }
            };
    StringBuilder pairs = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      pairs.append(i == 0 ? "" : ",").append("{\"user\": 100, \"movie\": 10}");
    }
    try (RunningServer running =
        RunningServer.start(
            MovieRecServer.builder().setModelFile(file).optLoader(slow),
            ServerConfig.builder().opt(ServerKeys.BATCH_DEADLINE_MS, 300))) {
      Reply reply = running.post("/v1/ratings:predict", "{\"pairs\": [" + pairs + "]}");

      assertThat(reply.status()).as(reply.body()).isEqualTo(503);
      assertThat(reply.json().get("error").get("code").textValue()).isEqualTo("deadline_exceeded");
    }
  }

  @Test
  void ratings_pagedByOffsetAndLimit_countAllAndShowOnePage() throws Exception {
    try (RunningServer running =
        RunningServer.start(
            MovieRecServer.builder().setModelFile(file).optData(TestModels.data()),
            ServerConfig.builder().opt(ServerKeys.MAX_PAGE_SIZE, 5))) {
      int user = TestModels.user(3);
      Reply all = running.get("/v1/users/" + user + "/ratings?limit=5");
      Reply second = running.get("/v1/users/" + user + "/ratings?offset=5&limit=5");
      Reply tooMany = running.get("/v1/users/" + user + "/ratings?limit=6");

      int count = all.json().get("count").intValue();
      assertThat(count).isGreaterThan(10);
      assertThat(all.json().get("ratings")).hasSize(5);
      assertThat(second.json().get("offset").intValue()).isEqualTo(5);
      assertThat(second.json().get("ratings")).hasSize(5);
      assertThat(second.json().get("ratings").get(0).get("movie"))
          .isNotEqualTo(all.json().get("ratings").get(0).get("movie"));
      assertThat(tooMany.status()).isEqualTo(400);
      assertThat(tooMany.body()).contains("max_page_size");
      assertThat(running.get("/v1/users?limit=6").status()).isEqualTo(400);
    }
  }

  @Test
  void foldIn_genreLongerThan100_isRefused() throws Exception {
    try (RunningServer running =
        RunningServer.start(MovieRecServer.builder().setModelFile(file), ServerConfig.builder())) {
      Reply reply =
          running.post(
              "/v1/recommendations",
              "{\"ratings\": [{\"movie\": 10, \"rating\": 4}], \"genre\": \""
                  + "x".repeat(101)
                  + "\"}");

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().get("error").get("field").textValue()).isEqualTo("genre");
      assertThat(reply.body()).contains("longer than 100");
    }
  }

  private static HttpRequest foldIn(RunningServer running) {
    return HttpRequest.newBuilder(running.uri("/v1/recommendations"))
        .timeout(Duration.ofSeconds(90))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(FOLD_IN))
        .build();
  }
}
