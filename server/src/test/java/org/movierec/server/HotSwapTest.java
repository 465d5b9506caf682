package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.model.Model;
import org.movierec.core.model.Recommendation;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.server.RunningServer.Reply;
import org.movierec.server.model.ModelFileLoader;

/**
 * {@code POST /admin/reload} swaps models atomically: it needs the admin token, a damaged file is
 * refused while the old model keeps answering, a request in flight finishes on the model it started
 * with, and under concurrent load with reloads every answer comes whole from one model.
 */
class HotSwapTest {

  private static final String TOKEN = "test-token-0123456789";

  @TempDir static Path dir;

  private static Path first;
  private static Path second;
  private static Map<String, Model> libraryByVersion;

  @BeforeAll
  static void models() throws Exception {
    first = TestModels.save(dir.resolve("first.mrec"), 2);
    second = TestModels.save(dir.resolve("second.mrec"), 60);
    libraryByVersion =
        Map.of(
            ServerEndpointsTest.sha256(first), TestModels.load(first),
            ServerEndpointsTest.sha256(second), TestModels.load(second));
    int user = TestModels.user(4);
    assertThat(libraryByVersion.get(ServerEndpointsTest.sha256(first)).recommend(user, 5))
        .as("the two models must answer differently for the test to tell them apart")
        .isNotEqualTo(libraryByVersion.get(ServerEndpointsTest.sha256(second)).recommend(user, 5));
  }

  @AfterAll
  static void close() {
    libraryByVersion.values().forEach(Model::close);
  }

  @Test
  void reload_withToken_servesTheNewFile() throws Exception {
    try (RunningServer running = start(first)) {
      Reply reply = reload(running, second, TOKEN);

      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(reply.json().get("version").textValue())
          .isEqualTo(ServerEndpointsTest.sha256(second));
      assertThat(reply.json().get("previous_version").textValue())
          .isEqualTo(ServerEndpointsTest.sha256(first));
      assertThat(reply.json().get("generation").intValue()).isEqualTo(2);
      assertConsistent(running.get("/v1/users/" + TestModels.user(4) + "/recommendations?top=5"));
      assertThat(running.get("/v1/model").json().get("version").textValue())
          .isEqualTo(ServerEndpointsTest.sha256(second));
    }
  }

  @Test
  void reload_withoutBody_rereadsTheServedFile() throws Exception {
    Path served = Files.copy(first, dir.resolve("served.mrec"));
    try (RunningServer running = start(served)) {
      Files.copy(second, served, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Reply reply =
          running.send(
              HttpRequest.newBuilder(running.uri("/admin/reload"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .POST(HttpRequest.BodyPublishers.noBody()));

      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(reply.json().get("version").textValue())
          .isEqualTo(ServerEndpointsTest.sha256(second));
    }
  }

  @Test
  void reload_withoutOrWithWrongToken_is401AndKeepsTheModel() throws Exception {
    try (RunningServer running = start(first)) {
      Reply none =
          running.send(
              HttpRequest.newBuilder(running.uri("/admin/reload"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"" + second + "\"}")));
      Reply wrong = reload(running, second, TOKEN + "x");

      assertThat(none.status()).isEqualTo(401);
      assertThat(none.json().get("error").get("code").textValue()).isEqualTo("unauthorized");
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(running.server.served().version()).isEqualTo(ServerEndpointsTest.sha256(first));
    }
  }

  @Test
  void reload_withNoTokenConfigured_isDisabled() throws Exception {
    try (RunningServer running =
        RunningServer.start(MovieRecServer.builder().setModelFile(first), ServerConfig.builder())) {
      Reply reply = reload(running, second, TOKEN);

      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.json().get("error").get("code").textValue()).isEqualTo("admin_disabled");
      assertThat(running.server.served().version()).isEqualTo(ServerEndpointsTest.sha256(first));
    }
  }

  @Test
  void reload_truncatedFile_isRefusedAndTheOldModelKeepsAnswering() throws Exception {
    byte[] whole = Files.readAllBytes(second);
    Path truncated =
        Files.write(
            dir.resolve("truncated.mrec"), java.util.Arrays.copyOf(whole, whole.length / 2));
    try (RunningServer running = start(first)) {
      Reply reply = reload(running, truncated, TOKEN);

      assertThat(reply.status()).as(reply.body()).isEqualTo(422);
      JsonNode error = reply.json().get("error");
      assertThat(error.get("code").textValue()).isEqualTo("model_file_rejected");
      assertThat(error.get("message").textValue())
          .contains("truncated")
          .contains("old model keeps serving");
      Reply after = running.get("/v1/users/" + TestModels.user(4) + "/recommendations?top=5");
      assertThat(after.json().get("model_version").textValue())
          .isEqualTo(ServerEndpointsTest.sha256(first));
      assertConsistent(after);
      assertThat(running.get("/metrics").body())
          .contains("movierec_model_reloads_total{outcome=\"refused\"} 1.0");
    }
  }

  @Test
  void reload_fileFailingItsChecksum_isRefusedAndTheOldModelKeepsAnswering() throws Exception {
    byte[] damaged = Files.readAllBytes(second);
    damaged[damaged.length / 2] ^= 0x10;
    Path corrupt = Files.write(dir.resolve("corrupt.mrec"), damaged);
    try (RunningServer running = start(first)) {
      Reply reply = reload(running, corrupt, TOKEN);

      assertThat(reply.status()).as(reply.body()).isEqualTo(422);
      assertThat(reply.json().get("error").get("message").textValue())
          .contains("checksum")
          .contains("old model keeps serving");
      assertThat(running.server.served().version()).isEqualTo(ServerEndpointsTest.sha256(first));
      assertConsistent(running.get("/v1/users/" + TestModels.user(4) + "/recommendations?top=5"));
    }
  }

  @Test
  void reload_missingFile_isRefused() throws Exception {
    try (RunningServer running = start(first)) {
      Reply reply = reload(running, dir.resolve("absent.mrec"), TOKEN);

      assertThat(reply.status()).isEqualTo(422);
      assertThat(reply.json().get("error").get("message").textValue())
          .contains("does not name a regular file inside the model directory");
    }
  }

  @Test
  void reload_duringARequest_letsItFinishOnTheOldModelThenClosesIt() throws Exception {
    AtomicReference<GatedModel> gated = new AtomicReference<>();
    ModelFileLoader loader =
        file -> {
          Model model =
              BackendRegistry.discover().load(file, RuntimeOptions.of(TrainingConfig.defaults()));
          if (gated.get() == null) {
            GatedModel wrapped = new GatedModel(model);
            gated.set(wrapped);
            return wrapped;
          }
          return model;
        };
    try (RunningServer running =
        RunningServer.start(
            MovieRecServer.builder().setModelFile(first).optLoader(loader),
            ServerConfig.builder().optAdminToken(TOKEN))) {
      int user = TestModels.user(4);
      CompletableFuture<Reply> inFlight =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return running.get("/v1/users/" + user + "/recommendations?top=5");
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      assertThat(gated.get().entered.await(30, TimeUnit.SECONDS)).isTrue();

      assertThat(reload(running, second, TOKEN).status()).isEqualTo(200);
      Reply during = running.get("/v1/users/" + user + "/recommendations?top=5");
      assertThat(during.json().get("model_version").textValue())
          .isEqualTo(ServerEndpointsTest.sha256(second));
      assertThat(gated.get().closed).as("the old model is still in use").isFalse();

      gated.get().gate.countDown();
      Reply finished = inFlight.get(30, TimeUnit.SECONDS);
      assertThat(finished.status()).as(finished.body()).isEqualTo(200);
      assertThat(finished.json().get("model_version").textValue())
          .isEqualTo(ServerEndpointsTest.sha256(first));
      assertConsistent(finished);
      assertThat(gated.get().closed).as("closed after its last request").isTrue();
    }
  }

  @Test
  void concurrentLoad_withReloads_everyAnswerComesWholeFromOneModel() throws Exception {
    try (RunningServer running = start(first)) {
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService clients = Executors.newFixedThreadPool(6);
      List<Future<List<Reply>>> work = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        int thread = t;
        work.add(
            clients.submit(
                () -> {
                  List<Reply> replies = new ArrayList<>();
                  for (int i = 0; !stop.get() && i < 2_000; i++) {
                    int user = TestModels.user((thread * 7 + i) % TestModels.USERS);
                    replies.add(running.get("/v1/users/" + user + "/recommendations?top=5"));
                  }
                  return replies;
                }));
      }
      Map<String, Integer> reloadsTo = new ConcurrentHashMap<>();
      for (int r = 0; r < 12; r++) {
        Path next = r % 2 == 0 ? second : first;
        Reply reloaded = reload(running, next, TOKEN);
        assertThat(reloaded.status()).as(reloaded.body()).isEqualTo(200);
        reloadsTo.merge(reloaded.json().get("version").textValue(), 1, Integer::sum);
        Thread.sleep(20);
      }
      stop.set(true);
      clients.shutdown();
      Map<String, Integer> answeredBy = new ConcurrentHashMap<>();
      for (Future<List<Reply>> future : work) {
        for (Reply reply : future.get(60, TimeUnit.SECONDS)) {
          assertThat(reply.status()).as(reply.body()).isEqualTo(200);
          assertConsistent(reply);
          answeredBy.merge(reply.json().get("model_version").textValue(), 1, Integer::sum);
        }
      }
      assertThat(reloadsTo).hasSize(2);
      assertThat(answeredBy).as("answers came from both models").hasSize(2);
    }
  }

  private static RunningServer start(Path file) throws Exception {
    return RunningServer.start(
        MovieRecServer.builder().setModelFile(file), ServerConfig.builder().optAdminToken(TOKEN));
  }

  private static Reply reload(RunningServer running, Path file, String token) throws Exception {
    return running.send(
        HttpRequest.newBuilder(running.uri("/admin/reload"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"model\": \"" + file + "\"}")));
  }

  /** The list equals, item by item, the library's list of the model whose version it names. */
  private static void assertConsistent(Reply reply) {
    JsonNode json = reply.json();
    Model model = libraryByVersion.get(json.get("model_version").textValue());
    assertThat(model).as("a known model version: " + json).isNotNull();
    JsonNode items = json.get("recommendations");
    List<Recommendation> expected = model.recommend(json.get("user").intValue(), items.size());
    assertThat(items).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(items.get(i).get("movie").intValue()).isEqualTo(expected.get(i).rawMovieId());
      assertThat(items.get(i).get("predicted_rating").floatValue())
          .isEqualTo(expected.get(i).predictedRating());
      assertThat(items.get(i).get("score").floatValue()).isEqualTo(expected.get(i).score());
    }
  }
}
