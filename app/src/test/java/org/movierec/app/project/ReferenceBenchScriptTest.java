package org.movierec.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/reference-bench.sh}, the A B A B runner behind BENCHMARKS.md's ratios, driven with
 * two small commands of known figures: the table it prints, the load average and CPU time beside
 * each side, the median, and a clear failure when a side breaks.
 */
class ReferenceBenchScriptTest {

  private static final Path SCRIPT = ProjectPoms.ROOT.resolve("scripts/reference-bench.sh");

  @Test
  void custom_twoSides_printsEachPairsRatioBesideLoadAndCpu() throws Exception {
    Run run =
        run(
            "3",
            "1",
            "timeout 0.3 sh -c 'while :; do :; done'; echo samples_per_s 250",
            "echo samples_per_s 100; echo samples_per_s 50");
    assertThat(run.exit()).as(run.output()).isZero();
    List<String> rows =
        run.output().lines().filter(line -> line.matches("\\| (warm-up|\\d) \\|.*")).toList();
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0)).startsWith("| warm-up |");
    for (String row : rows) {
      // A's figure, its load before-after, CPU and wall; B's (the last figure it printed); ratio.
      assertThat(row)
          .matches(
              "\\| \\S+ \\| 250 \\| [0-9.]+-[0-9.]+, ([0-9.]+) s, [0-9.]+ s \\| 50 \\| [0-9.]+-[0-9.]+,"
                  + " [0-9.]+ s, [0-9.]+ s \\| 5.00 \\|");
      double cpuA = Double.parseDouble(row.replaceAll(".*?, ([0-9.]+) s, .*", "$1"));
      assertThat(cpuA).as("A's busy loop counts as CPU time: %s", row).isGreaterThan(0.1);
    }
    assertThat(run.output())
        .containsPattern("median A/B over 3 pairs: 5.00x; load average \\S+ to");
  }

  @Test
  void custom_sideWithoutFigure_failsNamingTheSideAndItsLog() throws Exception {
    Run run = run("1", "0", "echo samples_per_s 10", "echo no figure here");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output())
        .contains("side B printed no samples_per_s figure")
        .contains("target/reference-bench/b.log");
  }

  @Test
  void custom_failingSide_stopsWithNonZeroExit() throws Exception {
    Run run = run("2", "0", "exit 3", "echo samples_per_s 10");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output()).contains("side A failed: exit 3");
  }

  private record Run(int exit, String output) {}

  private static Run run(String pairs, String warmup, String a, String b)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("bash", SCRIPT.toString(), "custom", pairs, warmup, a, b)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script finished").isTrue();
    return new Run(process.exitValue(), output);
  }
}
