package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.server.RunningServer.Reply;

/**
 * What every request passes: a body not declared JSON is refused (415), a Host the server does not
 * answer for is refused (421), a slow body is cut at the configured rate (408), the connection
 * limit holds, and every answer carries the headers that stop a browser from sniffing, framing or
 * leaking it; the page runs no inline script under its policy.
 */
class RequestGuardsTest {

  @TempDir static Path dir;

  private static Path file;
  private static RunningServer running;

  @BeforeAll
  static void start() throws Exception {
    file = TestModels.save(dir.resolve("model.mrec"), 15);
    running =
        RunningServer.start(
            MovieRecServer.builder().setModelFile(file).optData(TestModels.data()),
            ServerConfig.builder().opt(ServerKeys.MIN_BODY_RATE, 1024));
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void body_sentAsTextPlain_is415() throws Exception {
    Reply reply =
        running.send(
            HttpRequest.newBuilder(running.uri("/v1/recommendations"))
                .header("Content-Type", "text/plain")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"ratings\": [{\"movie\": 10, \"rating\": 4}]}")));

    assertThat(reply.status()).isEqualTo(415);
    assertThat(reply.json().get("error").get("code").textValue())
        .isEqualTo("unsupported_media_type");
  }

  @Test
  void body_withoutContentType_is415() throws Exception {
    Reply reply =
        running.send(
            HttpRequest.newBuilder(running.uri("/v1/ratings:predict"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"pairs\": []}")));

    assertThat(reply.status()).isEqualTo(415);
  }

  @Test
  void host_foreign_is421AndLoopbackNamesAreAnswered() throws Exception {
    String foreign = raw("GET /v1/model HTTP/1.1\r\nHost: rebound.example.com\r\n");
    String localhost = raw("GET /v1/model HTTP/1.1\r\nHost: localhost:" + port() + "\r\n");
    String address = raw("GET /v1/model HTTP/1.1\r\nHost: 127.0.0.1:" + port() + "\r\n");

    assertThat(foreign).startsWith("HTTP/1.1 421").contains("host_not_allowed");
    assertThat(localhost).startsWith("HTTP/1.1 200");
    assertThat(address).startsWith("HTTP/1.1 200");
  }

  @Test
  void host_listedInAllowedHosts_isAnsweredAndOthersAreNot() throws Exception {
    try (RunningServer listed =
        RunningServer.start(
            MovieRecServer.builder().setModelFile(file),
            ServerConfig.builder().opt(ServerKeys.ALLOWED_HOSTS, "movies.example.org"))) {
      int port = listed.server.port();
      assertThat(raw(port, "GET /health/live HTTP/1.1\r\nHost: movies.example.org\r\n"))
          .startsWith("HTTP/1.1 200");
      assertThat(raw(port, "GET /health/live HTTP/1.1\r\nHost: localhost\r\n"))
          .startsWith("HTTP/1.1 421");
    }
  }

  @Test
  void answers_carryTheProtectiveHeaders() throws Exception {
    var page = running.rawSend(HttpRequest.newBuilder(running.uri("/")).GET()).headers();
    var json = running.rawSend(HttpRequest.newBuilder(running.uri("/v1/model")).GET()).headers();
    var refusal =
        running.rawSend(HttpRequest.newBuilder(running.uri("/v1/users/x/ratings")).GET()).headers();

    assertThat(page.firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    for (var headers : java.util.List.of(page, json, refusal)) {
      assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
          .contains("frame-ancestors 'none'");
    }
  }

  @Test
  void page_hasNoInlineScriptOrStyle() throws Exception {
    String html = running.get("/").body();

    assertThat(html).contains("<script src=\"/app.js\"></script>");
    assertThat(html.replace("<script src=\"/app.js\"></script>", "")).doesNotContain("<script");
    assertThat(html).doesNotContain("<style").doesNotContain(" style=");
    assertThat(html).doesNotContainPattern("\\son[a-z]+\\s*=");
    assertThat(running.get("/app.js").status()).isEqualTo(200);
    assertThat(running.get("/app.css").status()).isEqualTo(200);
  }

  @Test
  @Timeout(30)
  void body_arrivingSlowerThanTheMinimumRate_isCutWith408() throws Exception {
    long start = System.nanoTime();
    String answer;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 5000);
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /v1/recommendations HTTP/1.1\r\nHost: localhost\r\n"
                  + "Content-Type: application/json\r\nContent-Length: 4000\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      answer = null;
      for (int i = 0; i < 100 && answer == null; i++) {
        try {
          out.write('{');
          out.flush();
        } catch (IOException closed) {
          break;
        }
        Thread.sleep(100);
        if (socket.getInputStream().available() > 0) {
          answer = readAll(socket.getInputStream());
        }
      }
      if (answer == null) {
        answer = readAll(socket.getInputStream());
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(answer).startsWith("HTTP/1.1 408").contains("min_body_bytes_per_second");
    assertThat(seconds).as("cut soon after the first second").isLessThan(6);
  }

  @Test
  @Timeout(60)
  void connections_beyondTheLimit_waitUntilOneCloses() throws Exception {
    try (RunningServer limited =
            RunningServer.start(
                MovieRecServer.builder().setModelFile(file),
                ServerConfig.builder().opt(ServerKeys.MAX_CONNECTIONS, 2));
        Socket first = connect(limited.server.port());
        Socket second = connect(limited.server.port())) {
      Thread.sleep(300);
      try (Socket third = connect(limited.server.port())) {
        third.setSoTimeout(1500);
        OutputStream out = third.getOutputStream();
        out.write(
            "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        boolean answeredWhileFull;
        try {
          answeredWhileFull = third.getInputStream().read() >= 0;
        } catch (java.net.SocketTimeoutException e) {
          answeredWhileFull = false;
        }
        first.close();
        third.setSoTimeout(10_000);
        String later = new String(third.getInputStream().readNBytes(12), StandardCharsets.UTF_8);

        assertThat(answeredWhileFull).as("answered while two connections were open").isFalse();
        assertThat(later).startsWith("HTTP/1.1 200");
      }
    }
  }

  @Test
  void host_ipv6InBrackets_serves() throws Exception {
    assumeThat(ipv6Loopback()).as("this machine has an IPv6 loopback address").isTrue();
    try (RunningServer ipv6 =
        new RunningServer(
            MovieRecServer.builder()
                .setModelFile(file)
                .optConfig(ServerConfig.builder().optHost("[::1]").optPort(0).build())
                .build()
                .start())) {
      assertThat(ipv6.server.uri().toString()).startsWith("http://[::1]:");
      assertThat(ipv6.get("/health/live").status()).isEqualTo(200);
    }
  }

  private static boolean ipv6Loopback() {
    try (var socket = new java.net.ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
    return socket;
  }

  private static int port() {
    return running.server.port();
  }

  private static String raw(String head) throws IOException {
    return raw(port(), head);
  }

  /** Sends a request as typed, so that its Host header is whatever the test says. */
  private static String raw(int port, String head) throws IOException {
    try (Socket socket = connect(port)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      return readAll(socket.getInputStream());
    }
  }

  private static String readAll(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
