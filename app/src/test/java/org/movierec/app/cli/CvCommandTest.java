package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.testdata.SharedDatasets;

class CvCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void cvJson_randomFoldsOfTheSample_reportsEveryFoldAndTheMeans() throws IOException {
    CliRun run = CliRun.of("cv", "--backend", "baseline", "--folds", "3", "--k", "5", "--json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("backend").asText()).isEqualTo("baseline");
    assertThat(json.get("preset").isNull()).isTrue();
    assertThat(json.get("folds")).hasSize(3);
    int tested = 0;
    for (JsonNode fold : json.get("folds")) {
      assertThat(fold.get("rmse").asDouble()).isBetween(0.5, 1.2);
      assertThat(fold.get("train_ratings").asInt() + fold.get("test_ratings").asInt())
          .isEqualTo(100_000);
      tested += fold.get("test_ratings").asInt();
    }
    assertThat(tested).isEqualTo(100_000);
    for (String field :
        new String[] {"mean_rmse", "std_rmse", "mean_mae", "mean_ndcg", "baseline_mean_rmse"}) {
      assertThat(json.has(field)).as(field).isTrue();
    }
    assertThat(json.get("evaluation").get("k").asInt()).isEqualTo(5);
    assertThat(json.get("mean_most_rated").get("ndcg").asDouble()).isBetween(0.0, 1.0);
    assertThat(json.get("mean_best_rated").get("ndcg").asDouble()).isBetween(0.0, 1.0);
    assertThat(json.get("folds").get(0).get("metrics").get("popularity").has("most_rated"))
        .isTrue();
  }

  @Test
  void cv_sameSeedTwice_givesTheSameNumbers() throws IOException {
    JsonNode first = JSON.readTree(CliRun.of("cv", "--backend", "baseline", "--json").out());
    JsonNode second = JSON.readTree(CliRun.of("cv", "--backend", "baseline", "--json").out());
    assertThat(second.get("mean_rmse")).isEqualTo(first.get("mean_rmse"));
    JsonNode reseeded =
        JSON.readTree(CliRun.of("cv", "--backend", "baseline", "--seed", "2", "--json").out());
    assertThat(reseeded.get("mean_rmse")).isNotEqualTo(first.get("mean_rmse"));
  }

  @Test
  void cvHuman_withReport_printsTableAndWritesFoldPlot() {
    Path report = dir.resolve("cv-report");
    CliRun run =
        CliRun.of("cv", "--backend", "baseline", "--folds", "2", "--report", report.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("fold", "baseline RMSE", "mean RMSE", "NDCG")
        .containsPattern("\n  backend baseline +0\\.\\d{4} ")
        .containsPattern("\n  most rated +0\\.\\d{4} ")
        .containsPattern("\n  best rated \\(prior 10\\) +0\\.\\d{4} ");
    assertThat(run.err()).contains("fold 1/2", "fold 2/2");
    assertThat(report.resolve("report.md")).exists();
    assertThat(report.resolve("folds.png")).exists();
  }

  @Test
  void cvPredefined_onMl100k_baselineLandsNearThePublishedRmse() throws IOException {
    Path ml100k = SharedDatasets.ml100k();
    Path config = dir.resolve("baseline.properties");
    Files.writeString(config, "backend = baseline\n");
    CliRun run =
        CliRun.of(
            "cv",
            "--data",
            ml100k.toString(),
            "--predefined",
            "--config",
            config.toString(),
            "--json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("folds")).hasSize(5);
    assertThat(json.get("mean_rmse").asDouble()).isCloseTo(0.944, within(0.006));
  }

  @Test
  void cvPredefined_withoutADirectory_isAUsageError() {
    CliRun run = CliRun.of("cv", "--predefined", "--backend", "baseline");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--predefined needs --data");
  }

  @Test
  void cv_oneFold_isAUsageError() {
    CliRun run = CliRun.of("cv", "--folds", "1", "--backend", "baseline");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--folds must be at least 2");
  }

  @Test
  void cvPredefined_directoryWithoutFolds_failsWithOneLine() {
    CliRun run = CliRun.of("cv", "--data", dir.toString(), "--predefined", "--backend", "baseline");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines()).isEqualTo(1);
    assertThat(run.err()).contains("no predefined folds");
  }
}
