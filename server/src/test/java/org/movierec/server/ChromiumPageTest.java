package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.data.MovieInfo;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.Recommendation;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.testdata.SharedDatasets;
import org.movierec.data.movielens.DatasetReader;
import org.openqa.selenium.By;

/**
 * The page in a real browser, headless Chromium under its Content-Security-Policy, against the real
 * server: a new user searches movies, rates three, gets the library's fold-in list, removes one,
 * follows the share link and reloads it; a broken link still opens what it can; a title holding
 * {@code <script>} shows as text; a new user's list from Star Wars, Empire and Titanic is unlike
 * user 196's. The screenshot it takes is docs/server-page.png.
 */
class ChromiumPageTest {

  @TempDir Path dir;

  @Test
  void newUser_ratesThreeRemovesOneSharesAndReloads_seesTheLibrarysLists() throws Exception {
    onMl100kPage(
        "baseline",
        (browser, base, library) -> {
          var driver = browser.driver;
          List<Integer> rated = new ArrayList<>();
          rated.add(browser.rate("star wars", "5"));
          rated.add(browser.rate("fargo", "4"));
          rated.add(browser.rate("toy story", "2"));
          browser.click("recommend-me");
          browser.waitFor(() -> browser.text("for-me-heading").equals("For you, from 3 ratings"));
          assertThat(browser.listed("for-me"))
              .containsExactlyElementsOf(
                  ids(
                      library
                          .foldIn(
                              List.of(
                                  new MovieRating(rated.get(0), 5),
                                  new MovieRating(rated.get(1), 4),
                                  new MovieRating(rated.get(2), 2)))
                          .recommend(10)));

          driver
              .findElement(
                  By.cssSelector("#my-ratings li[data-movie='" + rated.get(1) + "'] .remove"))
              .click();
          browser.click("recommend-me");
          browser.waitFor(() -> browser.text("for-me-heading").equals("For you, from 2 ratings"));
          List<Integer> expected =
              ids(
                  library
                      .foldIn(
                          List.of(
                              new MovieRating(rated.get(0), 5), new MovieRating(rated.get(2), 2)))
                      .recommend(10));
          assertThat(browser.listed("for-me")).containsExactlyElementsOf(expected);

          String share = driver.findElement(By.id("share-link")).getDomAttribute("href");
          assertThat(share).isEqualTo("/#rate=" + rated.get(0) + ":5," + rated.get(2) + ":2");
          driver.get("about:blank");
          driver.get(base + share.substring(1));
          driver.navigate().refresh();
          browser.waitFor(() -> browser.text("for-me-heading").equals("For you, from 2 ratings"));
          assertThat(browser.listed("my-ratings")).containsExactly(rated.get(0), rated.get(2));
          assertThat(browser.listed("for-me")).containsExactlyElementsOf(expected);

          browser.showUser(196, 10);
          assertThat(browser.listed("recommended"))
              .containsExactlyElementsOf(ids(library.recommend(196, 10)));
          assertThat(browser.screenshot(Path.of("..", "docs", "server-page.png")))
              .isGreaterThan(10_000);

          driver.get("about:blank");
          driver.get(base + "#user=%C3%28&rate=" + rated.get(0) + ":4");
          browser.waitFor(() -> browser.text("for-me-heading").equals("For you, from 1 rating"));
          assertThat(browser.text("link-note")).contains("user part is garbled");
        });
  }

  /**
   * What README's screenshots show (scripts/page-screenshots.sh takes them with a `rank` model),
   * here with item-kNN, whose lists follow a user's ratings: a new user who rates Star Wars 5, The
   * Empire Strikes Back 5 and Titanic 1 in the panel gets the library's fold-in list, which holds
   * none of those movies, does not begin as user 196's list does and shares at most three of its
   * ten movies with it (two, with item-kNN's defaults).
   */
  @Test
  void newUser_ratesStarWarsEmpireAndTitanic_getsAListUnlikeUser196s() throws Exception {
    onMl100kPage(
        "itemknn",
        (browser, base, library) -> {
          var driver = browser.driver;
          browser.showUser(PageScreenshots.USER, 10);
          List<Integer> known = browser.listed("recommended");
          assertThat(known)
              .containsExactlyElementsOf(ids(library.recommend(PageScreenshots.USER, 10)));

          driver.get("about:blank");
          driver.get(base);
          browser.waitFor(() -> browser.text("model-line").contains("itemknn model"));
          List<MovieRating> ratings = new ArrayList<>();
          for (PageScreenshots.Rating rating : PageScreenshots.NEW_USER) {
            browser.rate(rating.query(), rating.movie(), rating.stars());
            ratings.add(new MovieRating(rating.movie(), Float.parseFloat(rating.stars())));
          }
          browser.click("recommend-me");
          browser.waitFor(() -> browser.text("for-me-heading").equals("For you, from 3 ratings"));
          List<Integer> mine = browser.listed("for-me");
          List<Integer> ratedIds = ratings.stream().map(MovieRating::rawMovieId).toList();

          assertThat(mine)
              .containsExactlyElementsOf(ids(library.foldIn(ratings).recommend(10)))
              .doesNotContainAnyElementsOf(ratedIds);
          // The baseline fails both (checked when this test was written): its lists are one order
          // of the catalog less what each user rated, so the new user's began as 196's did.
          List<Integer> knownUnrated =
              known.stream().filter(movie -> !ratedIds.contains(movie)).toList();
          assertThat(mine.subList(0, knownUnrated.size()))
              .as(
                  "the new user's list begins as user %d's %s without the rated movies",
                  PageScreenshots.USER, known)
              .isNotEqualTo(knownUnrated);
          assertThat(mine.stream().filter(known::contains).toList())
              .as(
                  "movies in both user %d's list %s and the new user's %s",
                  PageScreenshots.USER, known, mine)
              .hasSizeLessThanOrEqualTo(3);
        });
  }

  @Test
  void titleHoldingScript_showsAsTextAndRunsNothing() throws Exception {
    try (ChromiumPage browser = ChromiumPage.open()) {
      Path file = TestModels.save(dir.resolve("model.mrec"), 15);
      List<MovieInfo> movies = new ArrayList<>(TestModels.data().catalog().movies());
      String title = "<script>document.title='pwned'</script><img src=x onerror=alert(1)> Night";
      movies.set(0, new MovieInfo(TestModels.movie(0), title, OptionalInt.of(1990), List.of()));
      try (RunningServer running =
          RunningServer.start(
              MovieRecServer.builder().setModelFile(file).optCatalog(MovieCatalog.of(movies)),
              ServerConfig.builder())) {
        var driver = browser.driver;
        driver.get(running.uri("/").toString());
        browser.waitFor(() -> browser.text("model-line").contains("baseline model"));

        browser.rate("script", "5");
        browser.click("recommend-me");
        browser.waitFor(() -> browser.text("for-me-heading").equals("For you, from 1 rating"));

        assertThat(driver.findElement(By.id("my-ratings")).getText()).contains(title);
        assertThat(driver.getTitle()).isEqualTo("movierec");
        assertThat(driver.findElements(By.cssSelector("main script, main img"))).isEmpty();
      }
    }
  }

  /** What a test does on the page of a server that serves one backend's model of ml-100k. */
  private interface PageCheck {
    void check(ChromiumPage browser, String base, Model library) throws Exception;
  }

  /**
   * Trains the backend with its defaults on ml-100k, serves the model with the data, opens the page
   * in Chromium once it shows the model, and runs the check with the library's own copy of it.
   */
  private void onMl100kPage(String backend, PageCheck check) throws Exception {
    Path ml100k = SharedDatasets.ml100k();
    try (ChromiumPage browser = ChromiumPage.open()) {
      RatingDataset data = DatasetReader.read(ml100k).dataset();
      Path file = train(data, backend);
      try (RunningServer running =
              RunningServer.start(
                  MovieRecServer.builder().setModelFile(file).optData(data),
                  ServerConfig.builder());
          Model library = TestModels.load(file)) {
        String base = running.uri("/").toString();
        browser.driver.get(base);
        browser.waitFor(() -> browser.text("model-line").contains(backend + " model"));
        check.check(browser, base, library);
      }
    }
  }

  /** Trains this backend with its defaults on the data and saves the model in the test's folder. */
  private Path train(RatingDataset data, String backend) throws Exception {
    Path file = dir.resolve(backend + "-ml100k.mrec");
    try (Model trained =
        BackendRegistry.discover()
            .get(backend)
            .newTrainer()
            .train(data, TrainingConfig.builder().set(Keys.BACKEND, backend).build())) {
      trained.save(file);
    }
    return file;
  }

  private static List<Integer> ids(List<Recommendation> list) {
    return list.stream().map(Recommendation::rawMovieId).toList();
  }
}
