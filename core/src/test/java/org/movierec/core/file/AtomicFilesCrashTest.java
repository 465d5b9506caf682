package org.movierec.core.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a separate JVM in the middle of saving and checks the previous model file survives. */
class AtomicFilesCrashTest {

  @TempDir Path dir;

  @Test
  void write_jvmHaltsHalfwayThroughSave_previousFileStillLoads() throws Exception {
    Path model = dir.resolve("model.mrec");
    CrashingSave.main(new String[] {model.toString(), "1000", "previous"});
    byte[] before = Files.readAllBytes(model);

    int exit = runSaveInOtherJvm(model, 3_000_000, "next", 5_000_000L);

    assertThat(exit).as("the save must have been cut short by the halt hook").isEqualTo(86);
    assertThat(Files.readAllBytes(model)).isEqualTo(before);
    assertThat(ModelFile.read(model).text("info")).isEqualTo("previous");
    try (var listing = Files.list(dir)) {
      assertThat(listing.filter(p -> p.getFileName().toString().endsWith(".tmp")))
          .as("the crash leaves its half-written temp file behind")
          .hasSize(1);
    }
  }

  @Test
  void write_afterACrash_removesTheLeftoverTempFile() throws Exception {
    Path model = dir.resolve("model.mrec");
    runSaveInOtherJvm(model, 3_000_000, "crashed", 1_000_000L);

    CrashingSave.main(new String[] {model.toString(), "10", "fresh"});

    assertThat(ModelFile.read(model).text("info")).isEqualTo("fresh");
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(model);
    }
  }

  private static int runSaveInOtherJvm(Path model, int floats, String label, long haltAfter)
      throws IOException, InterruptedException {
    String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(
                    javaBinary,
                    "-D" + AtomicFiles.HALT_AFTER_BYTES + "=" + haltAfter,
                    "-cp",
                    System.getProperty("java.class.path"),
                    CrashingSave.class.getName(),
                    model.toString(),
                    Integer.toString(floats),
                    label))
            .redirectErrorStream(true)
            .start();
    process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the saving JVM did not finish");
    }
    return process.exitValue();
  }
}
