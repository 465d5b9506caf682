package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.spi.BackendRegistry;

/**
 * The same flow as {@link BaselineEndToEndTest} with the DJL backend, chosen by a config file
 * alone; epochs are kept tiny so the whole class runs in seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DjlEndToEndTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private Path config;
  private Path model;
  private JsonNode trained;

  @BeforeAll
  void trainOnce() throws IOException {
    Assumptions.assumeTrue(
        BackendRegistry.discover().all().containsKey("djl"),
        "the djl backend is not on the class path");
    config = dir.resolve("djl.properties");
    Files.writeString(
        config,
        String.join(
            "\n",
            "# the engine is chosen here and nowhere else",
            "backend = djl",
            "device = cpu",
            "epochs = 2",
            "batch_size = 1024",
            "learning_rate = 0.003",
            "seed = 2",
            ""));
    model = dir.resolve("djl.mrec");
    CliRun run =
        CliRun.of("train", "--config", config.toString(), "--model", model.toString(), "--json");
    assertThat(run.code()).as(run.err()).isZero();
    trained = JSON.readTree(run.out());
  }

  @Test
  void trainJson_djlFromTheConfigFile_reportsEngineDeviceAndBaseline() {
    assertThat(trained.get("backend").asText()).isEqualTo("djl");
    assertThat(trained.get("engine").asText()).containsIgnoringCase("pytorch");
    assertThat(trained.get("device").asText()).containsIgnoringCase("cpu");
    assertThat(trained.get("epochs_run").asInt()).isEqualTo(2);
    assertThat(trained.get("samples_per_second").asDouble()).isPositive();
    assertThat(trained.get("test_rmse").asDouble()).isBetween(0.5, 1.5);
    assertThat(trained.get("baseline_test_rmse").asDouble()).isBetween(0.5, 1.5);
    assertThat(trained.get("model_file").asText()).isEqualTo(model.toString());
  }

  @Test
  void predictAndRecommend_savedDjlModel_answerOnTheScale() throws IOException {
    CliRun predict =
        CliRun.of("predict", "--model", model.toString(), "--user", "1", "--movie", "1");
    assertThat(predict.code()).as(predict.err()).isZero();
    assertThat(Double.parseDouble(predict.out().strip())).isBetween(1.0, 5.0);

    CliRun recommend =
        CliRun.of(
            "recommend", "--model", model.toString(), "--user", "1", "--data", "sample", "--json");
    assertThat(recommend.code()).as(recommend.err()).isZero();
    JsonNode list = JSON.readTree(recommend.out()).get("recommendations");
    assertThat(list).hasSize(10);
    assertThat(list.get(0).get("title").asText()).isNotBlank();
  }

  @Test
  void evaluate_savedDjlModel_reportsRatingAndRanking() throws IOException {
    CliRun run = CliRun.of("evaluate", "--model", model.toString(), "--data", "sample", "--json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("backend").asText()).isEqualTo("djl");
    assertThat(json.get("rating").get("rmse").asDouble()).isBetween(0.5, 1.5);
  }

  @Test
  void sameConfigFile_setBackendBaseline_swapsTheEngine() throws IOException {
    CliRun run =
        CliRun.of(
            "train",
            "--config",
            config.toString(),
            "--set",
            "backend=baseline",
            "--model",
            dir.resolve("swapped.mrec").toString(),
            "--json");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(JSON.readTree(run.out()).get("backend").asText()).isEqualTo("baseline");
  }

  @Test
  void train_gpuOnACpuOnlyMachine_isAConfigurationErrorInOneLine() {
    Assumptions.assumeTrue(
        System.getenv("CUDA_VISIBLE_DEVICES") == null, "a GPU may be present here");
    CliRun run =
        CliRun.of(
            "train",
            "--config",
            config.toString(),
            "--device",
            "gpu",
            "--model",
            dir.resolve("gpu.mrec").toString());
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.err().lines().filter(line -> line.startsWith("movierec train:")))
        .singleElement()
        .asString()
        .contains("gpu");
  }
}
