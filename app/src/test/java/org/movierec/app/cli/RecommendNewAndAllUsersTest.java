package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.model.Model;
import org.movierec.core.model.Recommendation;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.spi.RuntimeOptions;

/**
 * {@code recommend --ratings FILE} (a new user, folded in) and {@code recommend --all-users --out
 * FILE} on a small DJL model of the embedded sample.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecommendNewAndAllUsersTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private Path model;

  @BeforeAll
  void trainOnce() {
    model = dir.resolve("djl.mrec");
    CliRun run =
        CliRun.of(
            "train", "--model", model.toString(), "--set", "epochs=2", "--set", "batch_size=1024");
    assertThat(run.code()).as(run.err()).isZero();
  }

  @Test
  void allUsers_everyListInTheFile_equalsRecommendForThatUser() throws IOException {
    Path out = dir.resolve("lists.csv");

    CliRun run =
        CliRun.of(
            "recommend",
            "--model",
            model.toString(),
            "--all-users",
            "--top",
            "6",
            "--out",
            out.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("recommending: ").contains("100%").contains("wrote ");
    Map<Integer, List<Recommendation>> written = readLists(out);
    try (Model loaded =
        BackendRegistry.discover().load(model, RuntimeOptions.of(TrainingConfig.defaults()))) {
      assertThat(written).hasSize(loaded.users().size());
      for (int user : loaded.users().rawIds()) {
        assertThat(written.get(user)).as("user %d", user).isEqualTo(loaded.recommend(user, 6));
      }
    }
    int someUser = written.keySet().iterator().next();
    CliRun single =
        CliRun.of(
            "recommend",
            "--model",
            model.toString(),
            "--user",
            String.valueOf(someUser),
            "--top",
            "6",
            "--json");
    JsonNode items = JSON.readTree(single.out()).get("recommendations");
    for (int rank = 0; rank < 6; rank++) {
      Recommendation line = written.get(someUser).get(rank);
      assertThat(items.get(rank).get("movie").asInt()).isEqualTo(line.rawMovieId());
      assertThat(items.get(rank).get("score").floatValue()).isEqualTo(line.score());
    }
  }

  @Test
  void ratingsFile_newUser_listsMoviesTheyDidNotRateWithTitles() throws IOException {
    Path mine = Files.writeString(dir.resolve("mine.csv"), "movie,rating\n1,5\n2,4\n3,1\n");

    CliRun run =
        CliRun.of(
            "recommend",
            "--model",
            model.toString(),
            "--ratings",
            mine.toString(),
            "--top",
            "8",
            "--data",
            "sample",
            "--json");

    assertThat(run.code()).as(run.err()).isZero();
    JsonNode json = JSON.readTree(run.out());
    assertThat(json.get("ratings").asInt()).isEqualTo(3);
    assertThat(json.get("ratings_of_known_movies").asInt()).isEqualTo(3);
    JsonNode items = json.get("recommendations");
    assertThat(items).hasSize(8);
    for (JsonNode item : items) {
      assertThat(item.get("movie").asInt()).isNotIn(1, 2, 3);
      assertThat(item.get("title").asText()).isNotBlank();
    }

    CliRun text = CliRun.of("recommend", "--model", model.toString(), "--ratings", mine.toString());
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out()).startsWith("top 10 for the new user of " + mine);
  }

  @Test
  void ratingsFile_badLine_namesFileAndLineInOneLine() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.csv"), "1,5\n2,five\n");

    CliRun run = CliRun.of("recommend", "--model", model.toString(), "--ratings", bad.toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.errLines()).isEqualTo(1);
    assertThat(run.err()).contains(bad + " line 2: rating 'five' is not a number");
  }

  @Test
  void whoIsAsked_noneOrTwoOrMissingOut_isAUsageError() {
    for (String[] args :
        new String[][] {
          {"recommend", "--model", model.toString()},
          {"recommend", "--model", model.toString(), "--user", "1", "--all-users", "--out", "x"},
          {"recommend", "--model", model.toString(), "--all-users"},
          {"recommend", "--model", model.toString(), "--user", "1", "--out", "x.csv"}
        }) {
      CliRun run = CliRun.of(args);
      assertThat(run.code()).as(String.join(" ", args)).isEqualTo(2);
    }
  }

  private static Map<Integer, List<Recommendation>> readLists(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0)).isEqualTo("user,rank,movie,score,predicted_rating");
    Map<Integer, List<Recommendation>> lists = new LinkedHashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",");
      lists
          .computeIfAbsent(Integer.parseInt(fields[0]), user -> new ArrayList<>())
          .add(
              new Recommendation(
                  Integer.parseInt(fields[2]),
                  Float.parseFloat(fields[3]),
                  Float.parseFloat(fields[4])));
    }
    return lists;
  }
}
