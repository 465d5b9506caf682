package org.movierec.app.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.app.MovieRec;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.model.Model;
import org.movierec.data.Layout;
import org.movierec.data.generate.DatasetGenerator;
import org.movierec.data.generate.GeneratorSpec;
import org.movierec.data.movielens.DatasetReader;

/**
 * SIGTERM on {@code movierec serve} in a JVM of its own: the server stops accepting connections,
 * lets the request in flight finish with its full answer, and the process exits with 0.
 */
class ServeSigtermTest {

  private static final long PATIENCE_SECONDS = 120;
  private static final Pattern ADDRESS = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/");

  @TempDir Path dir;

  @Test
  void sigterm_withARequestInFlight_refusesNewConnectionsFinishesItAndExits0() throws Exception {
    Path model = trainSlowModel();
    Path marker = dir.resolve("scoring-started");
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process serve =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + SlowTestBackend.MARKER_PROPERTY + "=" + marker,
                "-cp",
                System.getProperty("java.class.path"),
                MovieRec.class.getName(),
                "serve",
                "--model",
                model.toString(),
                "--port",
                "0",
                "--set",
                "shutdown_grace_ms=60000")
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      int port = awaitPort(serve, out, err);
      try (Socket inFlight = new Socket("127.0.0.1", port)) {
        inFlight.setSoTimeout((int) TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));
        inFlight
            .getOutputStream()
            .write(
                ("GET /v1/users/1/movies/1/rating HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        awaitFile(marker, serve, err);
        long signalled = System.nanoTime();

        Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(serve.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        awaitRefused(port, serve, err);
        String answer = read(inFlight.getInputStream());

        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"predicted_rating\":3.0");
        assertThat(System.nanoTime() - signalled)
            .as("the answer waited for the model, which was still scoring at the signal")
            .isGreaterThan(TimeUnit.MILLISECONDS.toNanos(SlowTestBackend.SCORING_MILLIS / 2));
      }
      assertThat(serve.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("the server stops").isTrue();
    } finally {
      serve.destroyForcibly();
    }
    assertThat(serve.exitValue()).as(Files.readString(err, StandardCharsets.UTF_8)).isEqualTo(0);
    assertThat(Files.readString(out, StandardCharsets.UTF_8))
        .contains("movierec serve: stopping")
        .contains("movierec serve: stopped");
  }

  private Path trainSlowModel() throws IOException {
    Path data = dir.resolve("data");
    DatasetGenerator.generate(
        GeneratorSpec.builder().setUsers(50).setMovies(40).setRatings(1_000).optSeed(5).build(),
        data,
        Layout.ML_100K);
    Path model = dir.resolve("model.mrec");
    try (Model trained =
        new SlowTestBackend()
            .newTrainer()
            .train(DatasetReader.read(data).dataset(), TrainingConfig.defaults())) {
      trained.save(model);
    }
    return model;
  }

  /** Waits until the model has started scoring the request in flight. */
  private static void awaitFile(Path file, Process serve, Path err)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    while (!Files.exists(file)) {
      if (!serve.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError(
            "the request never reached the model; stderr: "
                + Files.readString(err, StandardCharsets.UTF_8));
      }
      Thread.sleep(20);
    }
  }

  /** Reads the port from the server's first line, waiting for it to start. */
  private static int awaitPort(Process serve, Path out, Path err)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    while (System.nanoTime() < deadline) {
      Matcher matcher = ADDRESS.matcher(Files.readString(out, StandardCharsets.UTF_8));
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
      if (!serve.isAlive()) {
        break;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "the server did not start; stderr: " + Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Waits until a new connection is refused: the server has stopped accepting. */
  private static void awaitRefused(int port, Process serve, Path err) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try (Socket probe = new Socket("127.0.0.1", port)) {
        Thread.sleep(50);
      } catch (ConnectException refused) {
        assertThat(serve.isAlive())
            .as("still finishing the request in flight; stderr: %s", Files.readString(err))
            .isTrue();
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
            .isInstanceOf(ConnectException.class);
        return;
      }
    }
    throw new AssertionError(
        "new connections were still accepted 30 s after SIGTERM; stderr: "
            + Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String read(InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
  }
}
