package org.movierec.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;

/**
 * README's two screenshots of the page, taken in headless Chromium from a server that already runs
 * on ml-100k: user 196's list, and the list of a new user who rates Star Wars 5, The Empire Strikes
 * Back 5 and Titanic 1 through the page's own panel, as a visitor would. {@code
 * scripts/page-screenshots.sh} trains the model, starts the server and runs this with the server
 * module's test class path; it lives beside the tests to share their browser set-up.
 */
public final class PageScreenshots {

  /** The known user of the first screenshot. */
  static final int USER = 196;

  /** What the new user searches for, the ml-100k id of the movie to pick, and its stars. */
  record Rating(String query, int movie, String stars) {}

  /** Star Wars (1977), Empire Strikes Back, The (1980) and Titanic (1997) in ml-100k's u.item. */
  static final List<Rating> NEW_USER =
      List.of(
          new Rating("star wars", 50, "5"),
          new Rating("empire strikes back", 172, "5"),
          new Rating("titanic", 313, "1"));

  private static final int TOP = 10;

  private PageScreenshots() {}

  /**
   * Takes both screenshots: {@code PageScreenshots URL DIR} writes DIR/page-user-196.png and
   * DIR/page-new-user.png and prints both lists; it fails when they are the same or the new user's
   * list holds a movie they rated.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: PageScreenshots SERVER_URL OUTPUT_DIR");
      System.exit(2);
    }
    String base = args[0];
    Path dir = Path.of(args[1]);
    try (ChromiumPage browser = ChromiumPage.open(1200, 900)) {
      open(browser, base);
      browser.showUser(USER, TOP);
      List<Integer> known = browser.listed("recommended");
      List<String> knownLines = browser.lines("recommended");
      browser.screenshot(dir.resolve("page-user-" + USER + ".png"));

      open(browser, base);
      for (Rating rating : NEW_USER) {
        browser.rate(rating.query(), rating.movie(), rating.stars());
      }
      browser.click("recommend-me");
      String heading = "For you, from " + NEW_USER.size() + " ratings";
      browser.waitFor(
          () ->
              browser.text("for-me-heading").equals(heading)
                  && !browser.listed("for-me").isEmpty());
      List<Integer> mine = browser.listed("for-me");
      ((JavascriptExecutor) browser.driver)
          .executeScript("document.getElementById('new-user-section').scrollIntoView();");
      browser.screenshot(dir.resolve("page-new-user.png"));

      print("user " + USER, knownLines);
      print(
          "a new user who rated "
              + String.join(
                  ", ", NEW_USER.stream().map(r -> r.movie() + " with " + r.stars()).toList()),
          browser.lines("for-me"));
      if (mine.equals(known)) {
        throw new IllegalStateException(
            "the new user's list is user " + USER + "'s list, movie for movie: " + mine);
      }
      for (Rating rating : NEW_USER) {
        if (mine.contains(rating.movie())) {
          throw new IllegalStateException(
              "the new user's list holds movie " + rating.movie() + ", which they rated: " + mine);
        }
      }
    }
  }

  /** Opens the page afresh and waits for it to describe the model. */
  private static void open(ChromiumPage browser, String base) {
    browser.driver.get("about:blank");
    browser.driver.get(base);
    browser.waitFor(() -> browser.text("model-line").contains(" users × "));
  }

  private static void print(String whose, List<String> lines) {
    System.out.println(whose + ":");
    for (int i = 0; i < lines.size(); i++) {
      System.out.printf("%2d. %s%n", i + 1, lines.get(i));
    }
  }
}
