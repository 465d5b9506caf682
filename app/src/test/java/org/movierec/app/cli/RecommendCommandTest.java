package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code movierec recommend}'s options on a baseline model of the embedded sample: exclusions, a
 * genre, a popularity floor, and a {@code --top} beyond the catalog.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecommendCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER = "1";

  @TempDir static Path dir;
  private Path model;

  @BeforeAll
  void trainOnce() {
    model = dir.resolve("baseline.mrec");
    CliRun run =
        CliRun.of(
            "train", "--data", "sample", "--backend", "baseline", "--model", model.toString());
    assertThat(run.code()).as(run.err()).isZero();
  }

  private List<JsonNode> recommend(String... options) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "recommend",
                "--model",
                model.toString(),
                "--user",
                USER,
                "--data",
                "sample",
                "--json"));
    args.addAll(List.of(options));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertThat(run.code()).as(run.err()).isZero();
    List<JsonNode> items = new ArrayList<>();
    JSON.readTree(run.out()).get("recommendations").forEach(items::add);
    return items;
  }

  private static List<Integer> ids(List<JsonNode> items) {
    return items.stream().map(item -> item.get("movie").asInt()).toList();
  }

  @Test
  void recommend_excludeGenreAndFloor_isTheFullListWithoutWhatTheyReject() throws IOException {
    List<JsonNode> all = recommend("--top", "100000");
    List<Integer> excluded = ids(all.subList(0, 2));

    List<JsonNode> narrowed =
        recommend(
            "--top",
            "5",
            "--exclude",
            excluded.get(0) + "," + excluded.get(1),
            "--genre",
            "drama",
            "--min-ratings",
            "100");

    List<Integer> expected =
        all.stream()
            .filter(item -> !excluded.contains(item.get("movie").asInt()))
            .filter(item -> genres(item).contains("Drama"))
            .filter(item -> item.get("training_ratings").asInt() >= 100)
            .limit(5)
            .map(item -> item.get("movie").asInt())
            .toList();
    assertThat(expected).hasSize(5);
    assertThat(ids(narrowed)).isEqualTo(expected);
  }

  @Test
  void recommend_json_carriesTheRawScoreAndItsClippedRating() throws IOException {
    List<JsonNode> all = recommend("--top", "100000");

    double previous = Double.POSITIVE_INFINITY;
    for (JsonNode item : all) {
      double score = item.get("score").asDouble();
      assertThat(score).isLessThanOrEqualTo(previous);
      assertThat(item.get("predicted_rating").asDouble())
          .isEqualTo(Math.max(1.0, Math.min(5.0, score)));
      previous = score;
    }
  }

  @Test
  void recommend_topFarBeyondTheCatalog_listsEveryUnratedMovieWithANote() throws IOException {
    CliRun run =
        CliRun.of("recommend", "--model", model.toString(), "--user", USER, "--top", "2000000000");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err())
        .containsPattern(
            "note: --top 2000000000 is more than the 1,[0-9]{3} movies the model knows");
    long listed = run.out().lines().filter(line -> line.contains(" movie ")).count();
    assertThat(listed).isEqualTo(recommend("--top", "100000").size()).isLessThan(1700);
  }

  @Test
  void recommend_genreWithoutData_isAUsageErrorSayingWhy() {
    CliRun run =
        CliRun.of("recommend", "--model", model.toString(), "--user", USER, "--genre", "Drama");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--genre needs --data", "a model file holds no genres");
  }

  @Test
  void recommend_unknownGenre_isAUsageErrorListingTheKnownOnes() {
    CliRun run =
        CliRun.of(
            "recommend",
            "--model",
            model.toString(),
            "--user",
            USER,
            "--data",
            "sample",
            "--genre",
            "Dramma");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains("unknown genre 'Dramma'", "did you mean 'Drama'?", "Comedy", "Film-Noir");
  }

  @Test
  void recommend_negativeFloor_isAUsageError() {
    CliRun run =
        CliRun.of("recommend", "--model", model.toString(), "--user", USER, "--min-ratings", "-1");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--min-ratings must be at least 0, got -1");
  }

  private static List<String> genres(JsonNode item) {
    List<String> genres = new ArrayList<>();
    Stream.ofNullable(item.get("genres"))
        .forEach(node -> node.forEach(g -> genres.add(g.asText())));
    return genres;
  }
}
