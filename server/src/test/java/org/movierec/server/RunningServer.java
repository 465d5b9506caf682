package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A started server on an ephemeral port of 127.0.0.1 with a JDK HTTP client to call it; closing
 * stops the server.
 */
final class RunningServer implements AutoCloseable {

  /** One answer: status, content type and body, parsed as JSON when it is JSON. */
  record Reply(int status, String contentType, String body, JsonNode json) {

    /** The movie ids of a list answer, best first; fails the test unless the status is 200. */
    List<Integer> recommendedMovies() {
      assertThat(status).as(body).isEqualTo(200);
      List<Integer> movies = new ArrayList<>();
      for (JsonNode item : json.get("recommendations")) {
        movies.add(item.get("movie").intValue());
      }
      return movies;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  final MovieRecServer server;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** Wraps a started server. */
  RunningServer(MovieRecServer server) {
    this.server = server;
  }

  /** Starts a server from a builder whose configuration is set to 127.0.0.1 and port 0. */
  static RunningServer start(MovieRecServer.Builder builder, ServerConfig.Builder config)
      throws IOException {
    return new RunningServer(
        builder.optConfig(config.optHost("127.0.0.1").optPort(0).build()).build().start());
  }

  /** The full address of a path such as {@code /v1/model}. */
  URI uri(String path) {
    return server.uri().resolve(path.substring(1));
  }

  Reply get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  Reply post(String path, String body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The response itself, headers and all. */
  HttpResponse<String> rawSend(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return client.send(
        request.timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response = rawSend(request);
    String type = response.headers().firstValue("Content-Type").orElse("");
    JsonNode json = type.startsWith("application/json") ? JSON.readTree(response.body()) : null;
    return new Reply(response.statusCode(), type, response.body(), json);
  }

  @Override
  public void close() {
    server.stop();
  }
}
