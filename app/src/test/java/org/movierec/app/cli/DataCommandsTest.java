package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stats, split and generate drive the data module from the command line. */
class DataCommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void generateThenStats_csvLayout_countsWhatWasAskedFor() throws IOException {
    Path out = dir.resolve("gen");
    CliRun generated =
        CliRun.of(
            "generate",
            "--out",
            out.toString(),
            "--users",
            "40",
            "--movies",
            "60",
            "--ratings",
            "1500",
            "--layout",
            "csv",
            "--seed",
            "3");
    assertThat(generated.code()).as(generated.err()).isZero();
    assertThat(generated.out()).contains("wrote 1,500 ratings of 40 users on 60 movies");
    assertThat(out.resolve("ratings.csv")).exists();

    CliRun stats = CliRun.of("stats", "--data", out.toString(), "--json");
    assertThat(stats.code()).as(stats.err()).isZero();
    JsonNode json = JSON.readTree(stats.out());
    assertThat(json.get("ratings").asInt()).isEqualTo(1500);
    assertThat(json.get("users").asInt()).isEqualTo(40);
    assertThat(json.get("movies").asInt()).isLessThanOrEqualTo(60);
    assertThat(json.get("rating_min").asDouble()).isEqualTo(0.5);
    assertThat(json.get("rating_max").asDouble()).isEqualTo(5.0);
    assertThat(json.get("skipped_lines").asLong()).isZero();
    assertThat(json.get("layout").asText()).isEqualTo("csv");
  }

  @Test
  void generate_sameSeedTwice_writesTheSameRatings() throws IOException {
    for (String name : new String[] {"a", "b"}) {
      CliRun run =
          CliRun.of(
              "generate",
              "--out",
              dir.resolve(name).toString(),
              "--users",
              "20",
              "--movies",
              "30",
              "--ratings",
              "300");
      assertThat(run.code()).as(run.err()).isZero();
    }
    assertThat(Files.readString(dir.resolve("b/u.data")))
        .isEqualTo(Files.readString(dir.resolve("a/u.data")));
  }

  @Test
  void generate_impossibleShape_isAUsageError() {
    CliRun run =
        CliRun.of(
            "generate",
            "--out",
            dir.resolve("x").toString(),
            "--users",
            "2",
            "--movies",
            "2",
            "--ratings",
            "100");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.errLines()).isEqualTo(1);
  }

  @Test
  void statsHuman_lenientRead_countsTheSkippedLines() throws IOException {
    Path ratings = dir.resolve("messy.data");
    Files.writeString(
        ratings, "1\t10\t4\t881250949\n2\t10\tfive\t881250950\n3\t11\t2\t881250951\n");
    CliRun strict = CliRun.of("stats", "--data", ratings.toString());
    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.err()).contains(ratings + " line 2");

    CliRun lenient = CliRun.of("stats", "--data", ratings.toString(), "--on-bad-line", "skip");
    assertThat(lenient.code()).as(lenient.err()).isZero();
    assertThat(lenient.out()).contains("2 ratings from 2 users", "skipped");
  }

  @Test
  void splitThenCv_kfoldFilesAreThePredefinedFoldsOfTheOutput() throws IOException {
    Path out = dir.resolve("folds");
    CliRun split =
        CliRun.of(
            "split", "--data", "sample", "--split", "kfold:2", "--out", out.toString(), "--json");
    assertThat(split.code()).as(split.err()).isZero();
    JsonNode json = JSON.readTree(split.out());
    assertThat(json.get("splits")).hasSize(2);
    for (JsonNode part : json.get("splits")) {
      assertThat(part.get("train_ratings").asInt() + part.get("test_ratings").asInt())
          .isEqualTo(100_000);
    }
    assertThat(out.resolve("u1.base")).exists();
    assertThat(out.resolve("u2.test")).exists();
    assertThat(out.resolve("u.item")).exists();

    CliRun cv =
        CliRun.of(
            "cv", "--data", out.toString(), "--predefined", "--backend", "baseline", "--json");
    assertThat(cv.code()).as(cv.err()).isZero();
    assertThat(JSON.readTree(cv.out()).get("folds")).hasSize(2);
  }

  @Test
  void splitHuman_userLast_reportsColdStart() {
    CliRun run =
        CliRun.of(
            "split",
            "--data",
            "sample",
            "--split",
            "user-last:3",
            "--out",
            dir.resolve("ul").toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("u1.base", "u1.test", "cold-start");
  }

  @Test
  void split_badSpec_isAUsageErrorListingTheForms() {
    CliRun run =
        CliRun.of(
            "split", "--data", "sample", "--split", "thirds", "--out", dir.resolve("s").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("bad split 'thirds'", "kfold:K");
  }
}
