package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** download against a local server laid out like GroupLens', serving a small generated archive. */
class DownloadCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private HttpServer server;
  private String mirror;

  @BeforeEach
  void serve() throws IOException, NoSuchAlgorithmException {
    byte[] archive = archive();
    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/ml-100k.zip", exchange -> respond(exchange, archive));
    server.createContext(
        "/ml-100k.zip.md5",
        exchange ->
            respond(
                exchange, ("MD5 (ml-100k.zip) = " + md5 + "\n").getBytes(StandardCharsets.UTF_8)));
    server.start();
    mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, byte[] body)
      throws IOException {
    exchange.sendResponseHeaders(200, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] archive() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("ml-100k/"));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("ml-100k/u.data"));
      zip.write(
          "1\t10\t4\t881250949\n1\t20\t3\t881250950\n2\t10\t5\t881250951\n"
              .getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  @Test
  void downloadJson_fromAMirror_installsVerifiesAndStatesTheLicense() throws IOException {
    Path cache = dir.resolve("cache");
    CliRun run =
        CliRun.of("download", "ml-100k", "--mirror", mirror, "--cache", cache.toString(), "--json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("dataset").asText()).isEqualTo("ml-100k");
    assertThat(json.get("already_present").asBoolean()).isFalse();
    assertThat(json.get("license").asText()).contains("GroupLens");
    assertThat(cache.resolve("ml-100k/u.data")).exists();

    CliRun stats = CliRun.of("stats", "--data", cache.resolve("ml-100k").toString(), "--json");
    assertThat(JSON.readTree(stats.out()).get("ratings").asInt()).isEqualTo(3);

    CliRun again =
        CliRun.of("download", "ml-100k", "--mirror", mirror, "--cache", cache.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(again.out()).contains("ml-100k was already in");
  }

  @Test
  void download_unknownName_isAUsageErrorListingTheKnownOnes() {
    CliRun run = CliRun.of("download", "ml-200k", "--cache", dir.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("unknown dataset 'ml-200k'", "ml-100k", "ml-25m");
  }

  @Test
  void download_serverWithoutTheArchive_failsWithOneLine() {
    CliRun run =
        CliRun.of("download", "ml-1m", "--mirror", mirror, "--cache", dir.resolve("c").toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines()).isEqualTo(1);
    assertThat(run.err()).contains("ml-1m.zip.md5");
  }
}
