package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser, headless Chromium under its Content-Security-Policy, against the real
 * server: a new user searches movies, rates three, gets the library's fold-in list, removes one,
 * follows the share link and reloads it; a broken link still opens what it can; a title holding
 * {@code <script>} shows as text. The screenshot it takes is docs/server-page.png.
 */
class ChromiumPageTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void newUser_ratesThreeRemovesOneSharesAndReloads_seesTheLibrarysLists() throws Exception {
    Path ml100k = SharedDatasets.ml100k();
    try (ChromiumPage browser = ChromiumPage.open()) {
      RatingDataset data = DatasetReader.read(ml100k).dataset();
      Path file = dir.resolve("baseline-ml100k.mrec");
      try (Model trained =
          BackendRegistry.discover()
              .get("baseline")
              .newTrainer()
              .train(data, TrainingConfig.builder().set(Keys.BACKEND, "baseline").build())) {
        trained.save(file);
      }
      try (RunningServer running =
              RunningServer.start(
                  MovieRecServer.builder().setModelFile(file).optData(data),
                  ServerConfig.builder());
          Model library = TestModels.load(file)) {
        var driver = browser.driver;
        String base = running.uri("/").toString();
        driver.get(base);
        waitFor(browser, () -> text(browser, "model-line").contains("baseline model"));

        List<Integer> rated = new ArrayList<>();
        rated.add(rate(browser, "star wars", "5"));
        rated.add(rate(browser, "fargo", "4"));
        rated.add(rate(browser, "toy story", "2"));
        click(browser, "recommend-me");
        waitFor(browser, () -> text(browser, "for-me-heading").equals("For you, from 3 ratings"));
        assertThat(listed(browser, "for-me"))
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
        click(browser, "recommend-me");
        waitFor(browser, () -> text(browser, "for-me-heading").equals("For you, from 2 ratings"));
        List<Integer> expected =
            ids(
                library
                    .foldIn(
                        List.of(new MovieRating(rated.get(0), 5), new MovieRating(rated.get(2), 2)))
                    .recommend(10));
        assertThat(listed(browser, "for-me")).containsExactlyElementsOf(expected);

        String share = driver.findElement(By.id("share-link")).getDomAttribute("href");
        assertThat(share).isEqualTo("/#rate=" + rated.get(0) + ":5," + rated.get(2) + ":2");
        driver.get("about:blank");
        driver.get(base + share.substring(1));
        driver.navigate().refresh();
        waitFor(browser, () -> text(browser, "for-me-heading").equals("For you, from 2 ratings"));
        assertThat(listed(browser, "my-ratings")).containsExactly(rated.get(0), rated.get(2));
        assertThat(listed(browser, "for-me")).containsExactlyElementsOf(expected);

        driver.findElement(By.id("user-id")).sendKeys("196");
        click(browser, "show-user");
        waitFor(browser, () -> listed(browser, "recommended").size() == 10);
        waitFor(browser, () -> !listed(browser, "rated").isEmpty());
        assertThat(listed(browser, "recommended"))
            .containsExactlyElementsOf(ids(library.recommend(196, 10)));
        screenshot(browser, Path.of("..", "docs", "server-page.png"));

        driver.get("about:blank");
        driver.get(base + "#user=%C3%28&rate=" + rated.get(0) + ":4");
        waitFor(browser, () -> text(browser, "for-me-heading").equals("For you, from 1 rating"));
        assertThat(text(browser, "link-note")).contains("user part is garbled");
      }
    }
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
        waitFor(browser, () -> text(browser, "model-line").contains("baseline model"));

        rate(browser, "script", "5");
        click(browser, "recommend-me");
        waitFor(browser, () -> text(browser, "for-me-heading").equals("For you, from 1 rating"));

        assertThat(driver.findElement(By.id("my-ratings")).getText()).contains(title);
        assertThat(driver.getTitle()).isEqualTo("movierec");
        assertThat(driver.findElements(By.cssSelector("main script, main img"))).isEmpty();
      }
    }
  }

  /** Searches, rates the first movie found with these stars, and returns its id. */
  private static int rate(ChromiumPage browser, String query, String stars) {
    var driver = browser.driver;
    WebElement box = driver.findElement(By.id("movie-query"));
    box.clear();
    box.sendKeys(query);
    click(browser, "search-movies");
    waitFor(
        browser,
        () ->
            !listed(browser, "found").isEmpty()
                && text(browser, "found").toLowerCase(java.util.Locale.ROOT).contains(query));
    WebElement first = driver.findElements(By.cssSelector("#found li")).get(0);
    int movie = Integer.parseInt(first.getDomAttribute("data-movie"));
    first.findElement(By.cssSelector("button.add")).click();
    WebElement row =
        driver.findElement(By.cssSelector("#my-ratings li[data-movie='" + movie + "']"));
    new Select(row.findElement(By.tagName("select"))).selectByValue(stars);
    return movie;
  }

  private static void click(ChromiumPage browser, String id) {
    browser.driver.findElement(By.id(id)).click();
  }

  private static String text(ChromiumPage browser, String id) {
    return browser.driver.findElement(By.id(id)).getText();
  }

  private static List<Integer> listed(ChromiumPage browser, String id) {
    return browser.driver.findElements(By.cssSelector("#" + id + " > li")).stream()
        .map(item -> Integer.parseInt(item.getDomAttribute("data-movie")))
        .toList();
  }

  private static List<Integer> ids(List<Recommendation> list) {
    return list.stream().map(Recommendation::rawMovieId).toList();
  }

  private static void waitFor(ChromiumPage browser, java.util.function.BooleanSupplier done) {
    new WebDriverWait(browser.driver, WAIT).until(driver -> done.getAsBoolean());
  }

  /** Saves the page as a PNG, replacing the file only once the whole image is written. */
  private static void screenshot(ChromiumPage browser, Path target) throws Exception {
    byte[] png = browser.driver.getScreenshotAs(OutputType.BYTES);
    assertThat(png).hasSizeGreaterThan(10_000);
    Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "server-page", ".png");
    Files.write(temp, png);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
