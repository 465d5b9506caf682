package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

  @TempDir Path dir;

  @Test
  void bench_savedBaselineModel_reportsEveryLevelWithoutMismatches() throws Exception {
    Path model = dir.resolve("b.mrec");
    CliRun train = CliRun.of("train", "--backend", "baseline", "--model", model.toString());
    assertThat(train.code()).as(train.err()).isZero();

    CliRun bench =
        CliRun.of(
            "bench", "--model", model.toString(), "--threads", "2,8", "--calls", "500", "--json");

    assertThat(bench.code()).as(bench.err()).isZero();
    JsonNode levels = new ObjectMapper().readTree(bench.out()).get("levels");
    assertThat(levels).hasSize(2);
    assertThat(levels.get(1).get("threads").asInt()).isEqualTo(8);
    assertThat(levels.get(1).get("calls").asLong()).isEqualTo(4000);
    assertThat(levels.get(1).get("mismatches").asLong()).isZero();
  }

  @Test
  void benchTable_onlyOneKindOfCall_printsADashForTheOtherNeverNaN() {
    Path model = dir.resolve("b.mrec");
    CliRun train = CliRun.of("train", "--backend", "baseline", "--model", model.toString());
    assertThat(train.code()).as(train.err()).isZero();

    CliRun onlyTopN =
        CliRun.of(
            "bench",
            "--model",
            model.toString(),
            "--threads",
            "2",
            "--calls",
            "50",
            "--recommend-every",
            "1");
    CliRun onlyPredict =
        CliRun.of(
            "bench",
            "--model",
            model.toString(),
            "--threads",
            "2",
            "--calls",
            "50",
            "--recommend-every",
            "0");

    assertThat(onlyTopN.code()).as(onlyTopN.err()).isZero();
    assertThat(onlyTopN.out())
        .contains("predict p50       - us p99       - us")
        .containsPattern("top-10 p50 +\\d+\\.\\d us")
        .doesNotContain("NaN");
    assertThat(onlyPredict.code()).as(onlyPredict.err()).isZero();
    assertThat(onlyPredict.out())
        .contains("top-10 p50       - us p99       - us")
        .containsPattern("predict p50 +\\d+\\.\\d us")
        .doesNotContain("NaN");
  }

  @Test
  void bench_zeroCalls_isAUsageError() {
    CliRun bench = CliRun.of("bench", "--model", "x.mrec", "--calls", "0");

    assertThat(bench.code()).isEqualTo(2);
    assertThat(bench.err()).contains("--calls must be >= 1");
  }
}
