package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
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
 * The default run trains a star model and a list model, saves both, and shows lists ordered by the
 * one with the other's predicted ratings; the demo runs once with tiny epochs for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoCommandTest {

  private static final Pattern HEADING = Pattern.compile("top 10 for user (\\d+)");
  private static final Pattern ENTRY =
      Pattern.compile("^\\s*\\d+\\. (\\d\\.\\d\\d)  score\\s+\\S+  movie (\\d+)\\s.*$");
  private static final Pattern PREDICTION =
      Pattern.compile("^\\s*user (\\d+)\\s+movie (\\d+)\\s.*predicted (\\d\\.\\d\\d)$");
  private static final Pattern TABLE_ROW =
      Pattern.compile(
          "^\\s*(star model|list model|most rated)\\s+(\\d\\.\\d{4})\\s+(\\d\\.\\d{4})"
              + "\\s+(\\d\\.\\d{4})\\s.*$");

  @TempDir static Path dir;
  private Path stars;
  private Path lists;
  private CliRun run;

  @BeforeAll
  void runDemoOnce() {
    Assumptions.assumeTrue(
        BackendRegistry.discover().all().containsKey("djl"),
        "the djl backend is not on the class path");
    stars = dir.resolve("stars.mrec");
    lists = dir.resolve("lists.mrec");
    run =
        CliRun.of(
            "demo",
            "--epochs",
            "3",
            "--model",
            stars.toString(),
            "--rank-model",
            lists.toString(),
            "--rank-set",
            "epochs=1");
    assertThat(run.code()).as(run.err()).isZero();
  }

  @Test
  void demo_savesBothModels_aStarModelAndAListModel() throws IOException {
    assertThat(stars).isRegularFile();
    assertThat(lists).isRegularFile();
    assertThat(Files.mismatch(stars, lists)).isNotEqualTo(-1L);
    try (Model star = load(stars);
        Model list = load(lists)) {
      assertThat(star.rankingScore().isRatingEstimate()).isTrue();
      assertThat(list.rankingScore().isRatingEstimate()).isFalse();
      assertThat(list.info().config()).containsEntry("objective", "ranking");
      assertThat(list.info().config()).containsEntry("epochs", "1");
      assertThat(star.info().config()).containsEntry("epochs", "3");
    }
  }

  @Test
  void demo_topTen_ordersByTheListModelWithTheStarModelsRatings() throws IOException {
    Matcher heading = HEADING.matcher(run.out());
    assertThat(heading.find()).as(run.out()).isTrue();
    int user = Integer.parseInt(heading.group(1));
    List<Integer> shownMovies = new ArrayList<>();
    List<String> shownStars = new ArrayList<>();
    for (String line : run.out().substring(heading.end()).lines().toList()) {
      Matcher entry = ENTRY.matcher(line);
      if (entry.matches()) {
        shownStars.add(entry.group(1));
        shownMovies.add(Integer.parseInt(entry.group(2)));
      }
    }
    try (Model star = load(stars);
        Model list = load(lists)) {
      List<Recommendation> ranked = list.recommend(user, 10);
      assertThat(shownMovies).containsExactlyElementsOf(movies(ranked));
      assertThat(movies(star.recommend(user, 10)))
          .as("the star model's own list must differ, or the order shown proves nothing")
          .isNotEqualTo(shownMovies);
      List<String> expectedStars = new ArrayList<>();
      List<String> listModelStars = new ArrayList<>();
      for (Recommendation entry : ranked) {
        expectedStars.add(twoDecimals(star.predict(user, entry.rawMovieId())));
        listModelStars.add(twoDecimals(entry.predictedRating()));
      }
      assertThat(shownStars).isEqualTo(expectedStars).isNotEqualTo(listModelStars);
    }
  }

  @Test
  void demo_predictions_comeFromTheStarModel() throws IOException {
    List<Matcher> predictions =
        run.out().lines().map(PREDICTION::matcher).filter(Matcher::matches).toList();
    assertThat(predictions).hasSize(5);
    try (Model star = load(stars)) {
      for (Matcher prediction : predictions) {
        float expected =
            star.predict(
                Integer.parseInt(prediction.group(1)), Integer.parseInt(prediction.group(2)));
        assertThat(prediction.group(3)).isEqualTo(twoDecimals(expected));
      }
    }
  }

  @Test
  void demo_ndcgTable_showsTheListModelRankingAboveTheStarModel() {
    List<Matcher> rows =
        run.out().lines().map(TABLE_ROW::matcher).filter(Matcher::matches).toList();
    assertThat(rows)
        .extracting(row -> row.group(1))
        .as(run.out())
        .containsExactly("star model", "list model", "most rated");
    double starNdcg = Double.parseDouble(rows.get(0).group(4));
    double listNdcg = Double.parseDouble(rows.get(1).group(4));
    assertThat(listNdcg).isGreaterThan(starNdcg);
  }

  @Test
  void demo_nextLine_pairsTheTwoFiles() {
    Matcher heading = HEADING.matcher(run.out());
    assertThat(heading.find()).isTrue();
    assertThat(run.out())
        .contains(
            "next: movierec recommend --model "
                + lists
                + " --rating-model "
                + stars
                + " --user "
                + heading.group(1)
                + " --data sample");
  }

  @Test
  void demo_sameFileForBothModels_isAUsageError() {
    Path file = dir.resolve("one.mrec");
    CliRun same = CliRun.of("demo", "--model", file.toString(), "--rank-model", file.toString());
    assertThat(same.code()).isEqualTo(2);
    assertThat(same.err()).contains("need a file each");
    assertThat(file).doesNotExist();
  }

  private static Model load(Path file) throws IOException {
    return BackendRegistry.discover().load(file, RuntimeOptions.of(TrainingConfig.defaults()));
  }

  private static List<Integer> movies(List<Recommendation> ranked) {
    return ranked.stream().map(Recommendation::rawMovieId).toList();
  }

  private static String twoDecimals(float value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
