package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** {@code movierec similar} on a small DJL model and a baseline model of the embedded sample. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimilarCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private Path djl;
  private Path baseline;

  @BeforeAll
  void trainOnce() {
    djl = dir.resolve("djl.mrec");
    baseline = dir.resolve("baseline.mrec");
    for (String[] args :
        new String[][] {
          {"--model", djl.toString(), "--set", "epochs=2", "--set", "batch_size=1024"},
          {"--model", baseline.toString(), "--backend", "baseline"}
        }) {
      String[] train = new String[args.length + 1];
      train[0] = "train";
      System.arraycopy(args, 0, train, 1, args.length);
      CliRun run = CliRun.of(train);
      assertThat(run.code()).as(run.err()).isZero();
    }
  }

  @Test
  void similar_djlModel_listsOtherMoviesByFallingSimilarityWithTitles() throws IOException {
    CliRun run =
        CliRun.of(
            "similar",
            "--model",
            djl.toString(),
            "--movie",
            "1",
            "--top",
            "5",
            "--data",
            "sample",
            "--json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("movie").asInt()).isEqualTo(1);
    assertThat(json.get("title").asText()).isNotBlank();
    JsonNode similar = json.get("similar");
    assertThat(similar).hasSize(5);
    double previous = 1.0001;
    for (JsonNode item : similar) {
      assertThat(item.get("movie").asInt()).isNotEqualTo(1);
      assertThat(item.get("title").asText()).isNotBlank();
      assertThat(item.get("similarity").asDouble()).isBetween(-1.0001, previous);
      previous = item.get("similarity").asDouble();
    }
  }

  @Test
  void similar_plainText_numbersTheListUnderTheMovie() {
    CliRun run = CliRun.of("similar", "--model", djl.toString(), "--movie", "1", "--top", "3");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().lines().toList())
        .hasSize(4)
        .first()
        .asString()
        .startsWith("because you watched movie 1");
    assertThat(run.out()).contains("  1. ").contains("  3. ");
  }

  @Test
  void similar_baselineModel_saysItHasNoMovieEmbeddingsInOneLine() {
    CliRun run = CliRun.of("similar", "--model", baseline.toString(), "--movie", "1");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err().strip())
        .startsWith("movierec similar: a baseline model learns no movie vectors")
        .contains("backend=djl")
        .doesNotContain("\n");
  }

  @Test
  void similar_unknownMovie_namesIt() {
    CliRun run = CliRun.of("similar", "--model", djl.toString(), "--movie", "987654");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("movie 987654 does not appear in the model's training data");
  }
}
