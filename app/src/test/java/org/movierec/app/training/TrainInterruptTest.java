package org.movierec.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.app.MovieRec;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.data.Layout;
import org.movierec.data.generate.DatasetGenerator;
import org.movierec.data.generate.GeneratorSpec;

/**
 * Ctrl-C on {@code movierec train} in a JVM of its own: SIGINT stops training after its batch, the
 * process exits with 130 saying where it stopped, the last checkpoint loads and no temporary file
 * is left.
 */
class TrainInterruptTest {

  private static final long PATIENCE_SECONDS = 120;

  @TempDir Path dir;

  @Test
  void sigint_duringTrainingWithCheckpoints_exits130KeepsTheLastCheckpointAndNoTempFile()
      throws Exception {
    Assumptions.assumeFalse(
        sigintIgnored(),
        "this JVM ignores SIGINT, as jobs a non-interactive shell starts in the background do, so"
            + " the training JVM would inherit that and never see the signal");
    Path data = dir.resolve("data");
    DatasetGenerator.generate(
        GeneratorSpec.builder().setUsers(200).setMovies(100).setRatings(6_000).optSeed(3).build(),
        data,
        Layout.ML_100K);
    Path model = dir.resolve("model.mrec");
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process train =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    MovieRec.class.getName(),
                    "train",
                    "--data",
                    data.toString(),
                    "--model",
                    model.toString(),
                    "--backend",
                    "djl",
                    "--device",
                    "cpu",
                    "--epochs",
                    "100000",
                    "--batch-size",
                    "32",
                    "--set",
                    "checkpoint_every=1"))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    try {
      awaitCheckpoint(train, model, err);
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(train.pid())).start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(train.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS))
          .as("training stops after SIGINT")
          .isTrue();
    } finally {
      train.destroyForcibly();
    }

    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(train.exitValue()).as(stderr).isEqualTo(130);
    assertThat(stderr)
        .containsPattern("movierec train: training stopped on request (after epoch|in epoch) \\d+")
        .containsPattern(
            Pattern.quote(model.toString()) + " holds the checkpoint after epoch \\d+");
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEmpty();
    try (Model loaded =
        BackendRegistry.discover().load(model, RuntimeOptions.of(TrainingConfig.defaults()))) {
      assertThat(loaded.info().summary().epochsRun()).isPositive();
      int user = loaded.users().rawId(0);
      assertThat(loaded.predict(user, loaded.movies().rawId(0))).isBetween(1f, 5f);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(Path::getFileName).map(Path::toString))
          .noneMatch(name -> name.endsWith(".tmp"));
    }
  }

  /** Tells whether this process ignores SIGINT (Linux reports it in /proc/self/status). */
  private static boolean sigintIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    try (Stream<String> lines = Files.lines(status)) {
      return lines
          .filter(line -> line.startsWith("SigIgn:"))
          .map(line -> Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16))
          .anyMatch(mask -> (mask & (1L << (2 - 1))) != 0);
    }
  }

  /** Waits until the training JVM has written its first checkpoint. */
  private static void awaitCheckpoint(Process train, Path model, Path err)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
    while (!Files.exists(model)) {
      if (!train.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError(
            "no checkpoint was written; stderr: " + Files.readString(err, StandardCharsets.UTF_8));
      }
      Thread.sleep(100);
    }
  }
}
