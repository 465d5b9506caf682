package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.server.RunningServer.Reply;
import org.movierec.server.model.ModelFileLoader;

/**
 * Bad requests get a JSON error naming the field and the problem, unknown ids follow the cold-start
 * policy, oversized bodies and a {@code top} beyond the catalog are refused, and no answer ever
 * carries a stack trace, not even when the model itself fails.
 */
class ServerErrorsTest {

  private static final int MAX_BODY = 4096;

  @TempDir static Path dir;

  private static RunningServer strict;
  private static final List<Reply> ALL_REPLIES = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    Path file = TestModels.save(dir.resolve("model.mrec"), 15);
    RuntimeOptions errorPolicy =
        RuntimeOptions.of(
            TrainingConfig.builder().set(Keys.COLD_START, ColdStartPolicy.ERROR).build());
    strict =
        RunningServer.start(
            MovieRecServer.builder()
                .setModelFile(file)
                .optLoader(ModelFileLoader.of(BackendRegistry.discover(), errorPolicy)),
            ServerConfig.builder().optMaxBodyBytes(MAX_BODY).optMaxBatchPairs(50));
  }

  @AfterAll
  static void stop() {
    strict.close();
    assertThat(ALL_REPLIES).isNotEmpty();
    for (Reply reply : ALL_REPLIES) {
      assertNoInternals(reply.body());
    }
  }

  @Test
  void top_notANumber_names400FieldTop() throws Exception {
    Reply reply = get("/v1/users/" + TestModels.user(1) + "/recommendations?top=ten");

    assertError(reply, 400, "invalid_field", "top");
    assertThat(message(reply)).contains("'ten'").contains("1..30");
  }

  @Test
  void top_beyondTheCatalog_isRefused() throws Exception {
    Reply reply = get("/v1/users/" + TestModels.user(1) + "/recommendations?top=31");

    assertError(reply, 400, "invalid_field", "top");
    assertThat(message(reply)).contains("1..30").contains("got 31");
  }

  @Test
  void top_huge_isRefusedWithoutWork() throws Exception {
    Reply reply = get("/v1/users/" + TestModels.user(1) + "/recommendations?top=2000000000");

    assertError(reply, 400, "invalid_field", "top");
  }

  @Test
  void userId_notAnInteger_names400FieldUser() throws Exception {
    Reply reply = get("/v1/users/abc/recommendations");

    assertError(reply, 400, "invalid_field", "user");
    assertThat(message(reply)).contains("'abc'");
  }

  @Test
  void queryParameter_unknown_isNamedWithTheKnownOnes() throws Exception {
    Reply reply = get("/v1/users/" + TestModels.user(1) + "/recommendations?tpo=3");

    assertError(reply, 400, "invalid_field", "tpo");
    assertThat(message(reply)).contains("top");
  }

  @Test
  void unknownUser_underErrorPolicy_is404NamingTheUser() throws Exception {
    Reply reply = get("/v1/users/" + TestModels.UNKNOWN_USER + "/recommendations");

    assertError(reply, 404, "unknown_user", "user");
    assertThat(message(reply)).contains(Integer.toString(TestModels.UNKNOWN_USER));
  }

  @Test
  void unknownMovie_underErrorPolicy_is404NamingTheMovie() throws Exception {
    Reply reply =
        get("/v1/users/" + TestModels.user(1) + "/movies/" + TestModels.UNKNOWN_MOVIE + "/rating");

    assertError(reply, 404, "unknown_movie", "movie");
  }

  @Test
  void unknownUser_underFallbackPolicy_answersTheFallbackList() throws Exception {
    Path file = TestModels.save(dir.resolve("fallback.mrec"), 15);
    try (RunningServer lenient =
        RunningServer.start(MovieRecServer.builder().setModelFile(file), ServerConfig.builder())) {
      Reply reply = lenient.get("/v1/users/" + TestModels.UNKNOWN_USER + "/recommendations?top=3");

      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.json().get("known_user").booleanValue()).isFalse();
      assertThat(reply.json().get("recommendations")).hasSize(3);
    }
  }

  @Test
  void ratings_withoutDataset_areTheModelsRecordWithoutStars() throws Exception {
    Reply reply = get("/v1/users/" + TestModels.user(2) + "/ratings");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("source").textValue()).isEqualTo("model");
    assertThat(reply.json().get("ratings"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.has("rating")).isFalse());
  }

  @Test
  void exclude_notIds_namesTheField() throws Exception {
    Reply reply = get("/v1/users/" + TestModels.user(1) + "/recommendations?exclude=12,x");

    assertError(reply, 400, "invalid_field", "exclude");
  }

  @Test
  void batch_fieldOfWrongType_namesItsPath() throws Exception {
    Reply reply =
        post(
            "/v1/ratings:predict",
            "{\"pairs\": [{\"user\": 100, \"movie\": 10}, {\"user\": \"x\", \"movie\": 12}]}");

    assertError(reply, 400, "invalid_field", "pairs[1].user");
  }

  @Test
  void batch_missingField_namesItsPath() throws Exception {
    Reply reply = post("/v1/ratings:predict", "{\"pairs\": [{\"user\": 100}]}");

    assertError(reply, 400, "invalid_field", "pairs[0].movie");
    assertThat(message(reply)).contains("required");
  }

  @Test
  void batch_unknownField_isRefused() throws Exception {
    Reply reply =
        post("/v1/ratings:predict", "{\"pairs\": [{\"user\": 100, \"movie\": 10}], \"x\": 1}");

    assertError(reply, 400, "invalid_field", "x");
  }

  @Test
  void batch_tooManyPairs_isRefused() throws Exception {
    StringBuilder body = new StringBuilder("{\"pairs\":[");
    for (int i = 0; i < 51; i++) {
      body.append(i == 0 ? "" : ",").append("{\"user\":100,\"movie\":10}");
    }
    Reply reply = post("/v1/ratings:predict", body.append("]}").toString());

    assertError(reply, 400, "invalid_field", "pairs");
    assertThat(message(reply)).contains("1 to 50").contains("51");
  }

  @Test
  void batch_malformedJson_saysWhere() throws Exception {
    Reply reply = post("/v1/ratings:predict", "{\"pairs\": [");

    assertError(reply, 400, "invalid_json", null);
    assertThat(message(reply)).contains("line 1");
  }

  @Test
  void batch_notAnObject_isRefused() throws Exception {
    assertError(post("/v1/ratings:predict", "[1, 2]"), 400, "invalid_json", null);
    assertError(post("/v1/ratings:predict", ""), 400, "missing_body", null);
  }

  @Test
  void body_deeplyNested_isRefused() throws Exception {
    Reply reply = post("/v1/ratings:predict", "[".repeat(1000) + "]".repeat(1000));

    assertError(reply, 400, "invalid_json", null);
  }

  @Test
  void body_largerThanTheLimit_is413() throws Exception {
    String big = "{\"pairs\": [" + "{\"user\":100,\"movie\":10},".repeat(300) + "]}";
    Reply reply = post("/v1/ratings:predict", big);

    assertError(reply, 413, "body_too_large", null);
    assertThat(message(reply)).contains("max_body_bytes = " + MAX_BODY);
  }

  @Test
  void body_chunkedLargerThanTheLimit_is413() throws Exception {
    byte[] big =
        ("{\"pairs\": [" + "{\"user\":100,\"movie\":10},".repeat(300) + "]}")
            .getBytes(StandardCharsets.UTF_8);
    Reply reply =
        record(
            strict.send(
                HttpRequest.newBuilder(strict.uri("/v1/ratings:predict"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(big)))));

    assertError(reply, 413, "body_too_large", null);
  }

  @Test
  void route_unknown_is404WithJson() throws Exception {
    Reply reply = get("/v1/nothing/here");

    assertError(reply, 404, "no_such_endpoint", null);
    assertThat(message(reply)).contains("/openapi.json");
  }

  @Test
  void method_wrong_is405WithJson() throws Exception {
    Reply reply = record(strict.send(HttpRequest.newBuilder(strict.uri("/v1/model")).DELETE()));

    assertError(reply, 405, "method_not_allowed", null);
  }

  @Test
  void malformedHttp_getsJsonWithoutInternals() throws Exception {
    String answer = raw("GET /v1/model%zz HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 400");
    assertNoInternals(answer);

    String headers =
        raw("GET /v1/model HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
    assertThat(headers).startsWith("HTTP/1.1 431");
    assertNoInternals(headers);
  }

  @Test
  void modelFailure_is500WithAnErrorIdAndNoStackTrace() throws Exception {
    Path file = TestModels.save(dir.resolve("failing.mrec"), 15);
    ModelFileLoader failing =
        modelFile ->
            new FailingModel(
                BackendRegistry.discover()
                    .load(modelFile, RuntimeOptions.of(TrainingConfig.defaults())));
    try (RunningServer broken =
        RunningServer.start(
            MovieRecServer.builder().setModelFile(file).optLoader(failing),
            ServerConfig.builder())) {
      Reply reply = broken.get("/v1/users/" + TestModels.user(1) + "/recommendations");
      ALL_REPLIES.add(reply);

      assertError(reply, 500, "internal_error", null);
      assertThat(message(reply)).containsPattern("error id [0-9a-f]+");
    }
  }

  private static Reply get(String path) throws Exception {
    return record(strict.get(path));
  }

  private static Reply post(String path, String body) throws Exception {
    return record(strict.post(path, body));
  }

  private static Reply record(Reply reply) {
    synchronized (ALL_REPLIES) {
      ALL_REPLIES.add(reply);
    }
    return reply;
  }

  private static String message(Reply reply) {
    return reply.json().get("error").get("message").textValue();
  }

  private static void assertError(Reply reply, int status, String code, String field) {
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/json");
    var error = reply.json().get("error");
    assertThat(error.get("status").intValue()).isEqualTo(status);
    assertThat(error.get("code").textValue()).isEqualTo(code);
    if (field == null) {
      assertThat(error.has("field")).as(reply.body()).isFalse();
    } else {
      assertThat(error.get("field").textValue()).isEqualTo(field);
    }
    assertThat(error.get("message").textValue()).isNotBlank();
  }

  /** No stack frame, exception class or source file name in what a client sees. */
  private static void assertNoInternals(String body) {
    assertThat(body)
        .doesNotContainPattern("\\bat [a-z]+\\.[a-z]")
        .doesNotContain("Exception")
        .doesNotContain(".java")
        .doesNotContain("org.movierec")
        .doesNotContain("jetty")
        .doesNotContain("javalin");
  }

  /** Sends bytes over a plain socket, for requests no HTTP client would send. */
  private static String raw(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", strict.server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
