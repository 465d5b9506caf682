package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileWriter;

/** {@code movierec evaluate}: its table, its references and old model files. */
class EvaluateCommandTest {

  @TempDir Path dir;

  @Test
  void evaluate_modelFileWithoutMeanRatings_measuresMostRatedAndSaysWhyBestRatedIsMissing()
      throws IOException {
    Path model = dir.resolve("b.mrec");
    CliRun train = CliRun.of("train", "--backend", "baseline", "--model", model.toString());
    assertThat(train.code()).as(train.err()).isZero();
    Path old = dir.resolve("old.mrec");
    ModelFile written = ModelFile.read(model);
    ModelFileWriter withoutMeans = ModelFile.writer(written.backend());
    for (String name : written.sectionNames()) {
      if (!name.equals("popularity")) {
        withoutMeans.section(name, written.section(name));
      }
    }
    withoutMeans.writeTo(old);

    CliRun text = CliRun.of("evaluate", "--model", old.toString(), "--data", "sample");
    CliRun json = CliRun.of("evaluate", "--model", old.toString(), "--data", "sample", "--json");

    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out())
        .containsPattern("\\n  most rated +0\\.\\d{4} ")
        .contains("best rated (prior 10)    (this model file has no mean ratings; retrain");
    assertThat(json.code()).as(json.err()).isZero();
    JsonNode popularity = new ObjectMapper().readTree(json.out()).get("popularity");
    assertThat(popularity.get("most_rated").get("ndcg").asDouble()).isBetween(0.0, 1.0);
    assertThat(popularity.get("best_rated").isNull()).isTrue();
  }

  @Test
  void evaluate_referencesNone_printsTheModelAlone() throws IOException {
    Path model = dir.resolve("b.mrec");
    CliRun train = CliRun.of("train", "--backend", "baseline", "--model", model.toString());
    assertThat(train.code()).as(train.err()).isZero();

    CliRun text =
        CliRun.of(
            "evaluate", "--model", model.toString(), "--data", "sample", "--references", "none");
    CliRun json =
        CliRun.of(
            "evaluate",
            "--model",
            model.toString(),
            "--data",
            "sample",
            "--references",
            "none",
            "--json");

    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).contains("  model ").doesNotContain("most rated");
    JsonNode result = new ObjectMapper().readTree(json.out());
    assertThat(result.has("popularity")).isFalse();
    assertThat(result.get("references").size()).isZero();
    assertThat(result.get("ranking_score").asText()).isEqualTo("rating_estimate");
  }
}
