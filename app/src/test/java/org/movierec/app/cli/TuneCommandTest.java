package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.Layout;
import org.movierec.data.generate.DatasetGenerator;
import org.movierec.data.generate.GeneratorSpec;

/**
 * {@code movierec tune} end to end on small generated data: trials scored on validation carved from
 * the training ratings, the best configuration written for {@code train --config}, which reproduces
 * the score, and errors in the space file or options as one line with exit code 2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TuneCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private Path ratings;

  @BeforeAll
  void generate() throws IOException {
    Path data = dir.resolve("data");
    DatasetGenerator.generate(
        GeneratorSpec.builder().setUsers(150).setMovies(120).setRatings(6_000).optSeed(5).build(),
        data,
        Layout.ML_100K);
    ratings = data.resolve("u.data");
  }

  private Path space(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void gridOnBaseline_scoresEveryPointAndTrainReproducesTheBestScore() throws IOException {
    Path space = space("grid.txt", "bias_reg_user = 2, 10, 40\nbias_reg_movie = 1, 25\n");
    Path report = dir.resolve("grid-report");
    CliRun run =
        CliRun.of(
            "tune",
            "--data",
            ratings.toString(),
            "--space",
            space.toString(),
            "--backend",
            "baseline",
            "--validation",
            "0.2",
            "--json",
            "--report",
            report.toString());

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("search").asText()).isEqualTo("grid");
    assertThat(json.get("trials")).hasSize(6);
    assertThat(json.get("parts").get(0).get("validation_ratings").asInt()).isEqualTo(1200);
    double bestScore = Double.MAX_VALUE;
    for (JsonNode trial : json.get("trials")) {
      bestScore = Math.min(bestScore, trial.get("validation_rmse").asDouble());
    }
    JsonNode best = json.get("best");
    assertThat(best.get("validation_rmse").asDouble()).isEqualTo(bestScore);
    Path bestFile = report.resolve("best.properties");
    assertThat(best.get("config_file").asText()).isEqualTo(bestFile.toString());
    assertThat(report.resolve("report.md")).exists();
    assertThat(report.resolve("trials.png")).exists();
    assertThat(report.resolve("trials-bias_reg_user.png")).exists();
    assertThat(Files.readString(bestFile))
        .contains("bias_reg_user = " + best.get("settings").get("bias_reg_user").asText())
        .contains("--split random:0.2 --config " + bestFile);

    JsonNode check = trainJson("--data", ratings.toString(), "--split", "random:0.2", bestFile);
    assertThat(check.get("test_rmse").asDouble()).isCloseTo(bestScore, within(1e-9));
  }

  @Test
  void randomOnDjlWithEarlyStopping_trainConfigReproducesTheValidationScore() throws IOException {
    Path space =
        space(
            "random.txt",
            "learning_rate = loguniform(0.002, 0.02)\nembedding_weight_decay = range(0, 0.01)\n");
    Path best = dir.resolve("djl-best.properties");
    CliRun run =
        CliRun.of(
            "tune",
            "--data",
            ratings.toString(),
            "--space",
            space.toString(),
            "--trials",
            "2",
            "--preset",
            "tuned",
            "--set",
            "epochs=6",
            "--set",
            "early_stopping_patience=2",
            "--set",
            "batch_size=512",
            "--best",
            best.toString(),
            "--json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("search").asText()).isEqualTo("random");
    assertThat(json.get("trials")).hasSize(2);
    assertThat(json.get("trials").get(0).get("settings").get("learning_rate").asDouble())
        .isBetween(0.002, 0.02);
    double score = json.get("best").get("validation_rmse").asDouble();
    assertThat(Files.readString(best)).contains("early_stopping_patience = 2", "epochs = 6");

    JsonNode check = trainJson("--data", ratings.toString(), "--split", "random:0.1", best);
    assertThat(check.get("best_epoch").asInt())
        .isEqualTo(
            json.get("trials")
                .get(json.get("best").get("trial").asInt() - 1)
                .get("best_epochs")
                .get(0)
                .asInt());
    assertThat(check.get("test_rmse").asDouble()).isCloseTo(score, within(1e-6));
  }

  @Test
  void foldsOnOneFile_matchCvWithTheBestConfiguration() throws IOException {
    Path space = space("folds.txt", "bias_reg_user = 5, 20\n");
    Path best = dir.resolve("folds-best.properties");
    CliRun run =
        CliRun.of(
            "tune",
            "--data",
            ratings.toString(),
            "--space",
            space.toString(),
            "--backend",
            "baseline",
            "--folds",
            "3",
            "--best",
            best.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("<- best", "movierec cv --data " + ratings + " --folds 3");
    CliRun cv =
        CliRun.of(
            "cv",
            "--data",
            ratings.toString(),
            "--folds",
            "3",
            "--config",
            best.toString(),
            "--json");
    assertThat(cv.code()).as(cv.err()).isZero();
    String header =
        Files.readString(best)
            .lines()
            .filter(l -> l.startsWith("# validation RMSE"))
            .findFirst()
            .orElseThrow();
    double score = Double.parseDouble(header.split(" ")[3].replace(":", ""));
    assertThat(JSON.readTree(cv.out()).get("mean_rmse").asDouble()).isCloseTo(score, within(1e-6));
  }

  @Test
  void ndcgObjectiveOnItemKnn_keepsTheHighestValidationNdcgThatCvReproduces() throws IOException {
    Path space = space("neighbours.txt", "neighbours = 1, 8, 60\n");
    Path best = dir.resolve("itemknn-best.properties");
    CliRun run =
        CliRun.of(
            "tune",
            "--data",
            ratings.toString(),
            "--space",
            space.toString(),
            "--backend",
            "itemknn",
            "--objective",
            "ndcg",
            "--folds",
            "3",
            "--best",
            best.toString(),
            "--json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("objective").asText()).isEqualTo("ndcg");
    double highest = -1;
    for (JsonNode trial : json.get("trials")) {
      highest = Math.max(highest, trial.get("validation_ndcg").asDouble());
    }
    JsonNode winner = json.get("best");
    assertThat(winner.get("validation_ndcg").asDouble()).isEqualTo(highest);
    String header =
        Files.readString(best)
            .lines()
            .filter(l -> l.startsWith("# validation NDCG@10 "))
            .findFirst()
            .orElseThrow();
    assertThat(Double.parseDouble(header.split(" ")[3].replace(":", "")))
        .isCloseTo(highest, within(1e-6));
    CliRun cv =
        CliRun.of(
            "cv",
            "--data",
            ratings.toString(),
            "--folds",
            "3",
            "--config",
            best.toString(),
            "--references",
            "none",
            "--json");
    assertThat(cv.code()).as(cv.err()).isZero();
    assertThat(JSON.readTree(cv.out()).get("mean_ndcg").asDouble())
        .isCloseTo(highest, within(1e-9));
  }

  @Test
  void unknownObjective_failsInOneLineNamingTheChoices() throws IOException {
    Path space = space("objective.txt", "neighbours = 5, 10\n");
    CliRun run =
        CliRun.of(
            "tune",
            "--data",
            ratings.toString(),
            "--space",
            space.toString(),
            "--objective",
            "mae");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).isEqualTo(1);
    assertThat(run.err()).contains("--objective mae", "rmse, ndcg");
  }

  @Test
  void predefinedFolds_readOnlyTheTrainingFiles() throws IOException {
    Path folds = Files.createDirectories(dir.resolve("predefined"));
    List<String> lines = Files.readAllLines(ratings);
    Files.write(folds.resolve("u1.base"), lines.subList(0, 4000));
    Files.write(folds.resolve("u2.base"), lines.subList(2000, 6000));
    // Test files that cannot be parsed: reading one would fail the run.
    Files.writeString(folds.resolve("u1.test"), "not a rating\n");
    Files.writeString(folds.resolve("u2.test"), "not a rating\n");
    Path space = space("predefined.txt", "bias_reg_movie = 5, 20\n");

    CliRun run =
        CliRun.of(
            "tune",
            "--data",
            folds.toString(),
            "--folds",
            "2",
            "--space",
            space.toString(),
            "--backend",
            "baseline",
            "--json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("parts")).hasSize(2);
    assertThat(json.get("parts").get(0).get("validation_ratings").asInt()).isEqualTo(400);
    assertThat(json.get("validation").asText()).contains("u1.base", "u2.base");
    assertThat(json.get("check_commands")).hasSize(2);
    assertThat(json.get("trials").get(0).get("part_rmse")).hasSize(2);
  }

  @Test
  void badSpaceOrOptions_failInOneLineWithExitCodeTwo() throws IOException {
    Path bad = space("bad.txt", "epochs = 5, 10\nbatch_size = range(256, big)\n");
    CliRun badSpace = CliRun.of("tune", "--data", ratings.toString(), "--space", bad.toString());
    assertThat(badSpace.code()).isEqualTo(2);
    assertThat(badSpace.errLines()).isEqualTo(1);
    assertThat(badSpace.err()).contains(bad + ":2:", "'big' is not allowed");

    Path ranged = space("ranged.txt", "learning_rate = range(0.001, 0.01)\n");
    CliRun noTrials = CliRun.of("tune", "--data", ratings.toString(), "--space", ranged.toString());
    assertThat(noTrials.code()).isEqualTo(2);
    assertThat(noTrials.err()).contains("give --trials N");

    CliRun both =
        CliRun.of(
            "tune",
            "--data",
            ratings.toString(),
            "--space",
            ranged.toString(),
            "--trials",
            "2",
            "--folds",
            "3",
            "--validation",
            "0.2");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--folds and --validation exclude each other");
  }

  private JsonNode trainJson(String dataOption, String data, String split, String spec, Path config)
      throws IOException {
    CliRun run =
        CliRun.of(
            "train",
            dataOption,
            data,
            split,
            spec,
            "--config",
            config.toString(),
            "--model",
            dir.resolve("check-" + config.getFileName() + ".mrec").toString(),
            "--json");
    assertThat(run.code()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }
}
