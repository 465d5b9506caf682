package org.movierec.spark.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.eval.RatingEvaluator;
import org.movierec.core.eval.RatingMetrics;
import org.movierec.core.model.Model;
import org.movierec.data.Layout;
import org.movierec.data.movielens.RatingsWriter;
import org.movierec.spark.GeneratedFixture;

/** The commands as spark-submit runs them; each starts and stops its own local session. */
class SparkJobTest {

  @TempDir static Path dir;

  /** Test rows the commands read: enough for every code path, few enough for 2 shared cores. */
  private static final int TEST_ROWS = 2_000;

  private static GeneratedFixture fixture;
  private static RatingDataset test;
  private static Path trainFile;
  private static Path testFile;

  @BeforeAll
  static void setUp() throws Exception {
    System.setProperty("spark.master", "local[2]");
    System.setProperty("spark.ui.enabled", "false");
    System.setProperty("spark.driver.host", "127.0.0.1");
    System.setProperty("spark.driver.bindAddress", "127.0.0.1");
    System.setProperty("spark.sql.shuffle.partitions", "4");
    fixture = GeneratedFixture.get();
    trainFile = dir.resolve("train.data");
    testFile = dir.resolve("test.data");
    RatingsWriter.write(fixture.train, trainFile, Layout.ML_100K);
    test = fixture.test.select(IntStream.range(0, TEST_ROWS).toArray());
    RatingsWriter.write(test, testFile, Layout.ML_100K);
  }

  @AfterAll
  static void tearDown() {
    for (String key :
        new String[] {
          "spark.master",
          "spark.ui.enabled",
          "spark.driver.host",
          "spark.driver.bindAddress",
          "spark.sql.shuffle.partitions"
        }) {
      System.clearProperty(key);
    }
  }

  @Test
  void recommend_thenEvaluate_writeListsAndPrintCoresMetrics() throws Exception {
    String out = dir.resolve("top").toString();

    Run recommend =
        run(
            "recommend",
            "--model",
            fixture.modelFile.toString(),
            "--ratings",
            testFile.toString(),
            "--out",
            out,
            "--top",
            "5");
    Run evaluate =
        run("evaluate", "--model", fixture.modelFile.toString(), "--test", testFile.toString());

    assertThat(recommend.status).as(recommend.err).isZero();
    JsonNode written = recommend.json();
    assertThat(written.get("users").asLong()).isPositive();
    assertThat(written.get("seconds_per_million_pairs").asDouble()).isPositive();
    assertThat(Files.list(Path.of(out)).anyMatch(p -> p.toString().endsWith(".parquet"))).isTrue();
    assertThat(evaluate.status).as(evaluate.err).isZero();
    RatingMetrics expected;
    try (Model model = fixture.loadModel()) {
      expected = RatingEvaluator.evaluate(model, test);
    }
    assertThat(evaluate.json().get("rating").get("rmse").asDouble())
        .isCloseTo(expected.rmse(), org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void compare_onTheSameSplit_printsBothSides() throws Exception {
    Run compare =
        run(
            "compare",
            "--model",
            fixture.modelFile.toString(),
            "--train",
            trainFile.toString(),
            "--test",
            testFile.toString(),
            "--format",
            "ml-100k",
            "--iterations",
            "3",
            "--users",
            "100");

    assertThat(compare.status).as(compare.err).isZero();
    JsonNode result = compare.json();
    assertThat(result.get("top_n_users").asLong()).isEqualTo(100);
    for (String side : new String[] {"movierec", "als"}) {
      assertThat(result.get(side).get("rating").get("rmse").asDouble()).as(side).isPositive();
      assertThat(result.get(side).get("ranking").get("ndcg").asDouble()).as(side).isNotNaN();
      assertThat(result.get(side).get("top_n_seconds").asDouble()).as(side).isPositive();
    }
    assertThat(result.get("movierec").get("single_jvm_top_n_seconds").asDouble()).isPositive();
  }

  @Test
  void recommend_badRatingsLine_failsWithOneLineNamingTheFile() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.data"), "1\t2\t3\t4\n1\tx\t3\t4\n");

    Run recommend =
        run(
            "recommend",
            "--model",
            fixture.modelFile.toString(),
            "--ratings",
            bad.toString(),
            "--format",
            "ml-100k",
            "--out",
            dir.resolve("never").toString());

    assertThat(recommend.status).isEqualTo(1);
    assertThat(recommend.err)
        .startsWith("movierec-spark: error: ")
        .contains(bad.toString(), "'1\tx\t3\t4'", "movie id 'x' is not a non-negative integer");
    assertThat(dir.resolve("never")).doesNotExist();
  }

  private static Run run(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = SparkJob.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(status, out.toString(), err.toString());
  }

  private record Run(int status, String out, String err) {
    JsonNode json() throws Exception {
      return new ObjectMapper().readTree(out);
    }
  }
}
