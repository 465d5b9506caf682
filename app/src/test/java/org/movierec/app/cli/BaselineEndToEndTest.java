package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the command line in-process: train with the baseline backend chosen by a config file
 * alone, then predict, recommend and evaluate with the saved model file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaselineEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private Path model;
  private JsonNode trained;

  @BeforeAll
  void trainOnce() throws IOException {
    Path config = dir.resolve("baseline.properties");
    Files.writeString(config, "# the engine is chosen here and nowhere else\nbackend = baseline\n");
    model = dir.resolve("baseline.mrec");
    CliRun run =
        CliRun.of(
            "train",
            "--data",
            "sample",
            "--config",
            config.toString(),
            "--model",
            model.toString(),
            "--json");
    assertThat(run.code()).as(run.err()).isZero();
    trained = JSON.readTree(run.out());
  }

  @Test
  void trainJson_stdoutHoldsOnlyOneObjectWithTheRequiredFields() throws IOException {
    assertThat(trained.isObject()).isTrue();
    assertThat(trained.fieldNames())
        .toIterable()
        .contains(
            "backend",
            "engine",
            "device",
            "epochs_run",
            "train_seconds",
            "samples_per_second",
            "test_rmse",
            "test_mae",
            "baseline_test_rmse",
            "model_file");
    assertThat(trained.get("backend").asText()).isEqualTo("baseline");
    assertThat(trained.get("device").asText()).isEqualTo("cpu");
    assertThat(trained.get("epochs_run").asInt()).isEqualTo(1);
    assertThat(trained.get("test_rmse").asDouble()).isBetween(0.7, 1.2);
    assertThat(trained.get("test_rmse").asDouble())
        .isEqualTo(trained.get("baseline_test_rmse").asDouble());
    assertThat(trained.get("model_file").asText()).isEqualTo(model.toString());
    assertThat(Files.size(model)).isPositive();
  }

  @Test
  void trainHuman_printsRmseNextToBaselineAndProgressOnStderr() {
    CliRun run =
        CliRun.of("train", "--backend", "baseline", "--model", dir.resolve("h.mrec").toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("test RMSE", "bias baseline RMSE", "model saved to");
    assertThat(run.err()).contains("training backend baseline", "epoch 1/1");
  }

  @Test
  void trainReport_writesPageAndPlots() throws IOException {
    Path report = dir.resolve("report");
    CliRun run =
        CliRun.of(
            "train",
            "--backend",
            "baseline",
            "--model",
            dir.resolve("r.mrec").toString(),
            "--report",
            report.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(report.resolve("report.md")).exists();
    assertThat(Files.readString(report.resolve("report.md"))).contains("bias baseline");
    assertThat(report.resolve("ratings.png")).exists();
  }

  @Test
  void train_userLastSplit_trainsOnTheDataModulesSplit() throws IOException {
    CliRun run =
        CliRun.of(
            "train",
            "--backend",
            "baseline",
            "--split",
            "user-last:5",
            "--model",
            dir.resolve("ul.mrec").toString(),
            "--json");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out()).get("test_ratings").asInt()).isGreaterThan(1000);
  }

  @Test
  void train_badRatingsLine_failsNamingFileAndLine() throws IOException {
    Path ratings = dir.resolve("bad.data");
    Files.writeString(ratings, "1\t10\t4\t881250949\n2\t10\tfive\t881250950\n");
    CliRun run =
        CliRun.of(
            "train",
            "--backend",
            "baseline",
            "--data",
            ratings.toString(),
            "--model",
            dir.resolve("bad.mrec").toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err().lines().filter(line -> line.startsWith("movierec train:")))
        .singleElement()
        .asString()
        .contains(ratings.toString())
        .contains("2");
  }

  @Test
  void predict_savedModel_printsOneRating() {
    CliRun run = CliRun.of("predict", "--model", model.toString(), "--user", "1", "--movie", "1");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(Double.parseDouble(run.out().strip())).isBetween(1.0, 5.0);
  }

  @Test
  void predictJson_unknownUser_fallsBackAndSaysSo() throws IOException {
    CliRun run =
        CliRun.of(
            "predict", "--model", model.toString(), "--user", "999999", "--movie", "1", "--json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("known_user").asBoolean()).isFalse();
    assertThat(json.get("predicted_rating").asDouble()).isBetween(1.0, 5.0);
  }

  @Test
  void recommendJson_withSampleTitles_listsTopNUnratedMovies() throws IOException {
    CliRun run =
        CliRun.of(
            "recommend",
            "--model",
            model.toString(),
            "--user",
            "1",
            "--top",
            "5",
            "--data",
            "sample",
            "--json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("recommendations")).hasSize(5);
    assertThat(json.get("ranking_score").asText()).isEqualTo("rating_estimate");
    JsonNode first = json.get("recommendations").get(0);
    assertThat(first.get("title").asText()).isNotBlank();
    double previous = Double.MAX_VALUE;
    for (JsonNode item : json.get("recommendations")) {
      assertThat(item.get("predicted_rating").asDouble()).isLessThanOrEqualTo(previous);
      previous = item.get("predicted_rating").asDouble();
    }
  }

  @Test
  void recommendHuman_printsRankedList() {
    CliRun run = CliRun.of("recommend", "--model", model.toString(), "--user", "1", "--top", "3");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("top 3 for user 1", "  1. ", "  3. ");
  }

  @Test
  void evaluateJson_onTheSample_reportsRatingAndRankingMetrics() throws IOException {
    CliRun run =
        CliRun.of(
            "evaluate", "--model", model.toString(), "--data", "sample", "--k", "5", "--json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("backend").asText()).isEqualTo("baseline");
    JsonNode rating = json.get("rating");
    assertThat(rating.get("count").asInt()).isEqualTo(100_000);
    assertThat(rating.get("rmse").asDouble()).isBetween(0.5, 1.2);
    assertThat(rating.get("mae").asDouble()).isLessThan(rating.get("rmse").asDouble());
    assertThat(json.get("ranking").get("k").asInt()).isEqualTo(5);
    assertThat(json.get("ranking").has("ndcg")).isTrue();
    JsonNode popularity = json.get("popularity");
    assertThat(popularity.get("prior_ratings").asDouble()).isEqualTo(10.0);
    for (String kind : new String[] {"most_rated", "best_rated"}) {
      assertThat(popularity.get(kind).get("k").asInt()).as(kind).isEqualTo(5);
      assertThat(popularity.get(kind).get("users").asInt())
          .as(kind)
          .isEqualTo(json.get("ranking").get("users").asInt());
      assertThat(popularity.get(kind).get("ndcg").asDouble()).as(kind).isBetween(0.0, 1.0);
    }
  }

  @Test
  void evaluateHuman_printsRatingAndRankingLines() {
    CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--data", "sample");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("RMSE", "MAE", "precision", "NDCG", "coverage")
        .containsPattern("\n  model +0\\.\\d{4} ")
        .containsPattern("\n  most rated +0\\.\\d{4} ")
        .containsPattern("\n  best rated \\(prior 10\\) +0\\.\\d{4} ");
  }

  @Test
  void predict_unknownUserWithErrorPolicy_failsWithOneLine() {
    CliRun run =
        CliRun.of(
            "predict",
            "--model",
            model.toString(),
            "--user",
            "999999",
            "--movie",
            "1",
            "--set",
            "cold_start=error");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines()).isEqualTo(1);
    assertThat(run.err()).contains("user 999999 does not appear in the model's training data");
  }

  @Test
  void predict_missingModelFile_failsWithOneLine() {
    Path missing = dir.resolve("missing.mrec");
    CliRun run = CliRun.of("predict", "--model", missing.toString(), "--user", "1", "--movie", "1");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines()).isEqualTo(1);
    assertThat(run.err()).contains("no such file: " + missing, "train one first");
  }

  @Test
  void predict_foreignFile_saysItIsNoModelFile() throws IOException {
    Path foreign = dir.resolve("notes.txt");
    Files.writeString(foreign, "hello, this is not a model");
    CliRun run = CliRun.of("predict", "--model", foreign.toString(), "--user", "1", "--movie", "1");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("is not a movierec model file").doesNotContain("\tat ");
  }

  @Test
  void predict_truncatedModelWithVerbose_addsTheStackTrace() throws IOException {
    Path cut = dir.resolve("cut.mrec");
    byte[] bytes = Files.readAllBytes(model);
    Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    CliRun run =
        CliRun.of("predict", "--verbose", "--model", cut.toString(), "--user", "1", "--movie", "1");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("is truncated").contains("\tat ");
  }

  @Test
  void train_missingDataFile_failsWithOneLine() {
    Path missing = dir.resolve("ratings.tsv");
    CliRun run =
        CliRun.of(
            "train",
            "--backend",
            "baseline",
            "--data",
            missing.toString(),
            "--model",
            dir.resolve("x.mrec").toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err().lines().filter(line -> line.startsWith("movierec train:")))
        .singleElement()
        .asString()
        .contains("no such file: " + missing);
  }

  @Test
  void configPrint_withFile_showsValuesAndWhereTheyCameFrom() throws IOException {
    Path config = dir.resolve("print.properties");
    Files.writeString(config, "backend = baseline\n");
    CliRun run =
        CliRun.of(
            "config",
            "--print",
            "--preset",
            "seed",
            "--config",
            config.toString(),
            "--set",
            "epochs=10");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("backend = baseline\\s+# " + java.util.regex.Pattern.quote(config + ":1"))
        .containsPattern("epochs = 10\\s+# --set")
        .containsPattern("network = seed\\s+# preset seed");
  }

  @Test
  void configKeys_listsEveryKeyWithDefault() {
    CliRun run = CliRun.of("config", "--keys");
    assertThat(run.code()).isZero();
    for (var key : org.movierec.core.config.Keys.ALL) {
      assertThat(run.out()).contains(key.name());
    }
    assertThat(run.out()).containsPattern("epochs\\s+50\\s+passes over the training ratings");
    assertThat(run.out()).contains("presets", "seed", "demo");
  }
}
