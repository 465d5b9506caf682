package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.server.RunningServer.Reply;

/**
 * The OpenAPI document served at {@code /openapi.json} matches the server: every route is
 * documented, every documented operation exists, and every documented query parameter is one the
 * endpoint takes.
 */
class OpenApiDocumentTest {

  @TempDir static Path dir;

  private static RunningServer running;
  private static JsonNode document;

  @BeforeAll
  static void start() throws Exception {
    running =
        RunningServer.start(
            MovieRecServer.builder()
                .setModelFile(TestModels.save(dir.resolve("model.mrec"), 15))
                .optData(TestModels.data()),
            ServerConfig.builder());
    Reply reply = running.get("/openapi.json");
    assertThat(reply.status()).isEqualTo(200);
    document = new ObjectMapper().readTree(reply.body());
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void document_listsExactlyTheServersRoutes() {
    assertThat(documented()).isEqualTo(new TreeSet<>(running.server.routes()));
  }

  @Test
  void limits_documentedWithTheirKeysDefaults() {
    JsonNode limits = document.get("info").get("x-movierec-limits");
    assertThat(limits).as("info.x-movierec-limits").isNotNull();
    int checked = 0;
    for (Map.Entry<String, JsonNode> limit : iterable(limits.fields())) {
      org.movierec.core.config.ConfigKey<?> key =
          ServerKeys.ALL.stream()
              .filter(k -> k.name().equals(limit.getKey()))
              .findFirst()
              .orElseThrow(() -> new AssertionError(limit.getKey() + " is not a server key"));
      assertThat(limit.getValue().asText())
          .as(limit.getKey())
          .isEqualTo(key.format(key.defaultValue()));
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(12);
    assertThat(document.get("info").get("description").textValue())
        .contains("421")
        .contains("415")
        .contains("408")
        .contains("Retry-After")
        .contains("body_too_complex");
  }

  @Test
  void document_isOpenApi3WithResolvableReferences() {
    assertThat(document.get("openapi").textValue()).startsWith("3.");
    for (String reference : document.findValuesAsText("$ref")) {
      assertThat(reference).startsWith("#/");
      assertThat(document.at(reference.substring(1)).isMissingNode())
          .as("reference %s resolves", reference)
          .isFalse();
    }
  }

  @Test
  void documentedQueryParameters_areTakenByTheirEndpoints() throws Exception {
    int checked = 0;
    for (Map.Entry<String, JsonNode> path : iterable(document.get("paths").fields())) {
      for (Map.Entry<String, JsonNode> operation : iterable(path.getValue().fields())) {
        for (JsonNode parameter : operation.getValue().path("parameters")) {
          JsonNode resolved = resolve(parameter);
          if (!resolved.get("in").textValue().equals("query")) {
            continue;
          }
          String name = resolved.get("name").textValue();
          String value =
              resolved.path("schema").path("type").textValue().equals("integer") ? "1" : "film";
          Reply reply =
              call(operation.getKey(), concrete(path.getKey()) + "?" + name + "=" + value);
          assertThat(reply.body())
              .as("%s %s takes %s", operation.getKey(), path.getKey(), name)
              .doesNotContain("is not a parameter of this endpoint");
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(5);
  }

  @Test
  void undocumentedQueryParameter_isRefusedByEveryV1Get() throws Exception {
    for (String route : running.server.routes()) {
      if (route.startsWith("GET /v1/")) {
        String path = concrete(route.substring(4));
        Reply reply = running.get(path + (path.contains("?") ? "&" : "?") + "undocumented=1");
        assertThat(reply.status()).as(route).isEqualTo(400);
        assertThat(reply.json().get("error").get("field").textValue()).isEqualTo("undocumented");
      }
    }
  }

  private static Set<String> documented() {
    Set<String> operations = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : iterable(document.get("paths").fields())) {
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        operations.add(methods.next().toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }
    return operations;
  }

  private static JsonNode resolve(JsonNode node) {
    return node.has("$ref") ? document.at(node.get("$ref").textValue().substring(1)) : node;
  }

  /** A path template with its parameters filled by ids the data has. */
  private static String concrete(String template) {
    String path =
        template
            .replace("{user}", Integer.toString(TestModels.user(1)))
            .replace("{movie}", Integer.toString(TestModels.movie(1)));
    return path.equals("/v1/movies")
        ? path + "?query=" + URLEncoder.encode("film", StandardCharsets.UTF_8)
        : path;
  }

  private static Reply call(String method, String pathAndQuery) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(running.uri(pathAndQuery.replace("??", "?")));
    if (method.equals("get")) {
      return running.send(request.GET());
    }
    return running.send(request.POST(HttpRequest.BodyPublishers.ofString("{}")));
  }

  private static <T> Iterable<T> iterable(Iterator<T> iterator) {
    return () -> iterator;
  }
}
