package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.server.RunningServer.Reply;

/**
 * {@code POST /admin/reload} reads only regular files inside the model directory: a FIFO, a device,
 * a symbolic link out of the directory, {@code ..} and an absolute path elsewhere are all refused
 * at once with the same message whether or not anything exists there, and the old model keeps
 * serving; a file over {@code max_model_bytes} is refused without being read whole.
 */
class ReloadConfinementTest {

  private static final String TOKEN = "test-token-0123456789";

  @TempDir static Path root;

  private static Path models;
  private static Path outside;
  private static RunningServer running;
  private static String firstVersion;

  @BeforeAll
  static void start() throws Exception {
    models = Files.createDirectories(root.resolve("models"));
    outside = Files.createDirectories(root.resolve("elsewhere"));
    Path first = TestModels.save(models.resolve("first.mrec"), 2);
    TestModels.save(models.resolve("second.mrec"), 60);
    TestModels.save(outside.resolve("outside.mrec"), 60);
    running =
        RunningServer.start(
            MovieRecServer.builder().setModelFile(first),
            ServerConfig.builder()
                .optAdminToken(TOKEN)
                .opt(ServerKeys.MAX_MODEL_BYTES, 4 << 20)
                .opt(ServerKeys.SHUTDOWN_GRACE_MS, 500));
    firstVersion = running.server.served().version();
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void reload_nameInsideTheDirectory_servesIt() throws Exception {
    Reply reply = reload("second.mrec");

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().get("file").textValue()).isEqualTo("second.mrec");
    assertThat(reload("first.mrec").status()).isEqualTo(200);
  }

  @Test
  void reload_dotDotOutOfTheDirectory_isRefused() throws Exception {
    assertRefused("../elsewhere/outside.mrec");
  }

  @Test
  void reload_absolutePathElsewhere_isRefused() throws Exception {
    assertRefused(outside.resolve("outside.mrec").toString());
  }

  @Test
  void reload_symlinkOutOfTheDirectory_isRefused() throws Exception {
    Path link = models.resolve("link.mrec");
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, outside.resolve("outside.mrec"));

    assertRefused("link.mrec");
  }

  @Test
  @Timeout(20)
  void reload_devZero_isRefusedAtOnceAndNotRead() throws Exception {
    assertRefused("/dev/zero");
    Path link = models.resolve("zero.mrec");
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, Path.of("/dev/zero"));

    assertRefused("zero.mrec");
  }

  @Test
  @Timeout(20)
  void reload_fifoInTheDirectory_isRefusedWithoutBlocking() throws Exception {
    Path fifo = models.resolve("fifo.mrec");
    Files.deleteIfExists(fifo);
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0)
        .as("mkfifo is needed to make a FIFO")
        .isTrue();

    assertRefused("fifo.mrec");
  }

  @Test
  void reload_fileOverTheCap_isRefusedNamingTheCap() throws Exception {
    Path big = models.resolve("big.mrec");
    try (var out = Files.newOutputStream(big)) {
      out.write(new byte[(4 << 20) + 1]);
    }

    Reply reply = reload("big.mrec");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(message(reply)).contains("max_model_bytes = " + (4 << 20));
    assertThat(running.server.served().version()).isEqualTo(firstVersion);
  }

  @Test
  void refusals_existingOrNot_sayTheSame() throws Exception {
    String existing = message(reload(outside.resolve("outside.mrec").toString()));
    String missing = message(reload(outside.resolve("absent.mrec").toString()));
    String unreadableDir = message(reload("/root/.ssh/id_rsa"));

    assertThat(existing.replace("outside.mrec", "X"))
        .isEqualTo(missing.replace("absent.mrec", "X"));
    assertThat(unreadableDir)
        .isEqualTo(
            existing.replace(outside.resolve("outside.mrec").toString(), "/root/.ssh/id_rsa"));
    assertThat(existing).doesNotContain(models.toString());
  }

  private static void assertRefused(String name) throws Exception {
    long start = System.nanoTime();
    Reply reply = reload(name);

    assertThat(reply.status()).as(reply.body()).isEqualTo(422);
    JsonNode error = reply.json().get("error");
    assertThat(error.get("code").textValue()).isEqualTo("model_file_rejected");
    assertThat(error.get("message").textValue())
        .contains("does not name a regular file inside the model directory")
        .contains("old model keeps serving");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(5);
    assertThat(running.server.served().version()).isEqualTo(firstVersion);
    assertThat(running.get("/health/ready").status()).isEqualTo(200);
  }

  private static String message(Reply reply) {
    return reply.json().get("error").get("message").textValue();
  }

  private static Reply reload(String name) throws Exception {
    return running.send(
        HttpRequest.newBuilder(running.uri("/admin/reload"))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"model\": \"" + name.replace("\\", "\\\\") + "\"}")));
  }
}
