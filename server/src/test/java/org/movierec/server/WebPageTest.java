package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.htmlunit.BrowserVersion;
import org.htmlunit.NicelyResynchronizingAjaxController;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieFilter;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;

/**
 * The page at {@code /} in a headless browser running its JavaScript against the real server: it
 * describes the model, shows a user's top-N with titles beside their ratings, and says when a user
 * is unknown or no id was typed.
 */
class WebPageTest {

  @TempDir static Path dir;

  private static RunningServer running;
  private static Model library;
  private WebClient browser;

  @BeforeAll
  static void start() throws Exception {
    Path file = TestModels.save(dir.resolve("model.mrec"), 15);
    running =
        RunningServer.start(
            MovieRecServer.builder().setModelFile(file).optData(TestModels.data()),
            ServerConfig.builder());
    library = TestModels.load(file);
  }

  @AfterAll
  static void stop() {
    running.close();
    library.close();
  }

  @BeforeEach
  void openBrowser() {
    browser = new WebClient(BrowserVersion.FIREFOX);
    browser.setAjaxController(new NicelyResynchronizingAjaxController());
    browser.getOptions().setThrowExceptionOnScriptError(true);
    browser.getOptions().setCssEnabled(false);
  }

  @AfterEach
  void closeBrowser() {
    browser.close();
  }

  @Test
  void page_onLoad_describesTheModel() throws Exception {
    HtmlPage page = open();

    assertThat(text(page, "model-line"))
        .contains("baseline model model.mrec")
        .contains(TestModels.USERS + " users × " + TestModels.MOVIES + " movies")
        .contains("version " + running.server.served().version().substring(0, 12));
  }

  @Test
  void page_ofAPair_namesTheFileOfTheListsAndTheFileOfTheStars() throws Exception {
    Path rank = TestModels.save(dir.resolve("rank.mrec"), 2);
    Path tuned = TestModels.save(dir.resolve("tuned.mrec"), 60);
    try (RunningServer pair =
        RunningServer.start(
            MovieRecServer.builder().setModelFile(rank).optRatingModelFile(tuned),
            ServerConfig.builder())) {
      HtmlPage page = browser.getPage(pair.uri("/").toURL());
      browser.waitForBackgroundJavaScript(10_000);

      assertThat(text(page, "model-line"))
          .contains("baseline model rank.mrec, stars from baseline model tuned.mrec")
          .contains(
              "version "
                  + ServerEndpointsTest.sha256(rank).substring(0, 12)
                  + "+"
                  + ServerEndpointsTest.sha256(tuned).substring(0, 12));
    }
  }

  @Test
  void showUser_listsTheLibrarysTopNWithTitlesBesideTheUsersRatings() throws Exception {
    HtmlPage page = open();
    int user = TestModels.user(6);
    page.<HtmlInput>getHtmlElementById("user-id").type(Integer.toString(user));
    page.<HtmlSelect>getHtmlElementById("top").setSelectedAttribute("5", true);

    page.getHtmlElementById("show-user").click();
    browser.waitForBackgroundJavaScript(10_000);

    List<Recommendation> expected = library.recommend(user, 5);
    List<DomElement> items = items(page, "recommended");
    assertThat(items).hasSize(5);
    for (int i = 0; i < 5; i++) {
      int movie = expected.get(i).rawMovieId();
      int m = (movie - 10) / 2;
      assertThat(items.get(i).getAttribute("data-movie")).isEqualTo(Integer.toString(movie));
      assertThat(items.get(i).getTextContent())
          .contains(String.format(java.util.Locale.ROOT, "%.2f", expected.get(i).predictedRating()))
          .contains("Film <" + m + "> & Co (" + (1990 + m % 10) + ")")
          .contains(TestModels.GENRES[m % 4]);
    }
    assertThat(text(page, "recommended-heading")).isEqualTo("Recommended for user " + user);
    assertThat(text(page, "rated-heading")).startsWith("Rated by user " + user + " (");
    assertThat(items(page, "rated"))
        .isNotEmpty()
        .allSatisfy(li -> assertThat(li.getTextContent()).contains("Film <"));
  }

  @Test
  void showUser_withAGenre_listsOnlyThatGenre() throws Exception {
    HtmlPage page = open();
    page.<HtmlInput>getHtmlElementById("user-id").type(Integer.toString(TestModels.user(6)));
    page.<HtmlSelect>getHtmlElementById("genre").setSelectedAttribute("Action", true);

    page.getHtmlElementById("show-user").click();
    browser.waitForBackgroundJavaScript(10_000);

    List<Recommendation> expected =
        library.recommend(
            TestModels.user(6),
            RecommendRequest.builder()
                .setCount(10)
                .optFilter(MovieFilter.genre(TestModels.data().catalog(), "Action"))
                .build());
    assertListsExactly(page, "recommended", expected);
    assertThat(items(page, "recommended"))
        .isNotEmpty()
        .allSatisfy(item -> assertThat(item.getTextContent()).endsWith("Action"));
  }

  @Test
  void showUser_unknownToTheModel_saysTheListIsTheFallback() throws Exception {
    HtmlPage page = open();
    page.<HtmlInput>getHtmlElementById("user-id").type(Integer.toString(TestModels.UNKNOWN_USER));

    page.getHtmlElementById("show-user").click();
    browser.waitForBackgroundJavaScript(10_000);

    assertThat(text(page, "recommended-heading")).contains("unknown to the model");
    assertThat(items(page, "recommended")).hasSize(10);
    assertThat(text(page, "rated-note")).contains("no ratings in the server's dataset");
  }

  @Test
  void showUser_withoutAnId_asksForOne() throws Exception {
    HtmlPage page = open();

    page.getHtmlElementById("show-user").click();
    browser.waitForBackgroundJavaScript(10_000);

    assertThat(text(page, "user-error")).contains("Type a user id");
    assertThat(items(page, "recommended")).isEmpty();
  }

  @Test
  void newUser_ratesFoundMovies_seesTheLibrarysFoldInList() throws Exception {
    HtmlPage page = open();
    page.<HtmlInput>getHtmlElementById("movie-query").type("film <2");
    page.getHtmlElementById("search-movies").click();
    browser.waitForBackgroundJavaScript(10_000);
    List<DomElement> found = items(page, "found");
    assertThat(found).hasSize(8);
    assertThat(found.get(0).getTextContent()).contains("Film <2> & Co (1992)");

    ((HtmlElement) found.get(0).getElementsByTagName("button").get(0)).click();
    ((HtmlElement) found.get(1).getElementsByTagName("button").get(0)).click();
    ((HtmlElement) found.get(1).getElementsByTagName("button").get(0)).click();
    List<DomElement> mine = items(page, "my-ratings");
    assertThat(mine).as("each movie once").hasSize(2);
    ((HtmlSelect) mine.get(0).getElementsByTagName("select").get(0))
        .setSelectedAttribute("5", true);
    ((HtmlSelect) mine.get(1).getElementsByTagName("select").get(0))
        .setSelectedAttribute("1", true);
    page.getHtmlElementById("recommend-me").click();
    browser.waitForBackgroundJavaScript(10_000);

    int first = Integer.parseInt(found.get(0).getAttribute("data-movie"));
    int second = Integer.parseInt(found.get(1).getAttribute("data-movie"));
    List<Recommendation> expected =
        library
            .foldIn(List.of(new MovieRating(first, 5), new MovieRating(second, 1)))
            .recommend(10);
    assertThat(text(page, "for-me-heading")).isEqualTo("For you, from 2 ratings");
    assertListsExactly(page, "for-me", expected);
  }

  @Test
  void address_namingAUserAndRatings_opensBothViews() throws Exception {
    int user = TestModels.user(3);
    int first = TestModels.movie(1);
    int second = TestModels.movie(2);
    HtmlPage page =
        browser.getPage(
            running.uri("/").toString()
                + "#user="
                + user
                + "&rate="
                + first
                + ":5,"
                + second
                + ":2");
    browser.waitForBackgroundJavaScript(10_000);

    assertThat(text(page, "recommended-heading")).isEqualTo("Recommended for user " + user);
    assertThat(items(page, "recommended")).hasSize(10);
    assertThat(items(page, "my-ratings")).hasSize(2);
    List<Recommendation> expected =
        library
            .foldIn(List.of(new MovieRating(first, 5), new MovieRating(second, 2)))
            .recommend(10);
    assertListsExactly(page, "for-me", expected);
  }

  @Test
  void address_rateNamingAMovieTwice_keepsItsLastStarsAndStillRecommends() throws Exception {
    int first = TestModels.movie(1);
    int second = TestModels.movie(2);
    HtmlPage page =
        browser.getPage(
            running.uri("/").toString() + "#rate=" + first + ":5," + second + ":2," + first + ":1");
    browser.waitForBackgroundJavaScript(10_000);

    assertThat(items(page, "my-ratings")).hasSize(2);
    List<Recommendation> expected =
        library
            .foldIn(List.of(new MovieRating(first, 1), new MovieRating(second, 2)))
            .recommend(10);
    assertListsExactly(page, "for-me", expected);
    assertThat(page.getHtmlElementById("share-link").getAttribute("href"))
        .endsWith("#rate=" + first + ":1," + second + ":2");
  }

  @Test
  void newUser_withoutRatings_isAskedForOne() throws Exception {
    HtmlPage page = open();

    page.getHtmlElementById("recommend-me").click();
    browser.waitForBackgroundJavaScript(10_000);

    assertThat(text(page, "new-user-error")).contains("Rate at least one movie");
  }

  @Test
  void randomUser_picksAKnownUserAndShowsTheirList() throws Exception {
    HtmlPage page = open();

    page.getHtmlElementById("random-user").click();
    browser.waitForBackgroundJavaScript(10_000);

    int user = Integer.parseInt(page.<HtmlInput>getHtmlElementById("user-id").getValue());
    assertThat(library.knowsUser(user)).isTrue();
    assertThat(items(page, "recommended")).hasSize(10);
  }

  private HtmlPage open() throws Exception {
    HtmlPage page = browser.getPage(running.uri("/").toURL());
    browser.waitForBackgroundJavaScript(10_000);
    return page;
  }

  /** The list shows exactly the library's movies, in its order. */
  private static void assertListsExactly(
      HtmlPage page, String listId, List<Recommendation> expected) {
    assertThat(items(page, listId))
        .extracting(item -> item.getAttribute("data-movie"))
        .containsExactlyElementsOf(
            expected.stream().map(r -> Integer.toString(r.rawMovieId())).toList());
  }

  private static String text(HtmlPage page, String id) {
    return page.getHtmlElementById(id).getTextContent();
  }

  private static List<DomElement> items(HtmlPage page, String listId) {
    List<DomElement> items = new java.util.ArrayList<>();
    page.getHtmlElementById(listId).getChildElements().forEach(items::add);
    return items;
  }
}
