package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.htmlunit.BrowserVersion;
import org.htmlunit.NicelyResynchronizingAjaxController;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.Recommendation;
import org.movierec.core.store.RatingStore;
import org.movierec.core.store.StoredRating;
import org.movierec.server.feedback.Feedback;

/** The page's "rate a few movies" panel against a server with a ratings store. */
class WebPageStoreTest {

  @TempDir Path dir;

  @Test
  void rateAFewMovies_withAStore_storesThemUnderTheBrowsersUserAndListsFromTheStore()
      throws Exception {
    Path file = TestModels.save(dir.resolve("model.mrec"), 15);
    int first = TestModels.movie(1);
    int second = TestModels.movie(2);
    try (RatingStore store = StoredUsers.imported(dir.resolve("ratings.db").toString());
        RunningServer running =
            RunningServer.start(
                MovieRecServer.builder()
                    .setModelFile(file)
                    .optData(TestModels.data())
                    .optFeedback(Feedback.of(store, Optional.empty())),
                ServerConfig.builder());
        Model library = TestModels.load(file);
        WebClient browser = new WebClient(BrowserVersion.FIREFOX)) {
      long before = store.size();
      browser.setAjaxController(new NicelyResynchronizingAjaxController());
      browser.getOptions().setThrowExceptionOnScriptError(true);
      browser.getOptions().setCssEnabled(false);

      HtmlPage page = browser.getPage(running.uri("/") + "#rate=" + first + ":5," + second + ":1");
      browser.waitForBackgroundJavaScript(10_000);

      RatingDataset stored = store.snapshot().ratings();
      List<StoredRating> mine = new ArrayList<>();
      for (int row = 0; row < stored.size(); row++) {
        if (stored.rawUserId(row) >= 1_000_000_000) {
          mine.add(
              new StoredRating(
                  stored.rawUserId(row),
                  stored.rawMovieId(row),
                  stored.rating(row),
                  stored.timestamp(row)));
        }
      }
      assertThat(store.size()).isEqualTo(before + 2);
      assertThat(mine)
          .extracting(StoredRating::rawMovieId, StoredRating::rating)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(first, 5f),
              org.assertj.core.groups.Tuple.tuple(second, 1f));
      int user = mine.get(0).rawUserId();
      assertThat(page.getHtmlElementById("for-me-heading").getTextContent())
          .isEqualTo("For you (user " + user + ", 2 stored ratings)");
      List<Recommendation> expected =
          library
              .foldIn(List.of(new MovieRating(first, 5), new MovieRating(second, 1)))
              .recommend(10);
      List<String> shown = new ArrayList<>();
      page.getHtmlElementById("for-me")
          .getChildElements()
          .forEach(item -> shown.add(item.getAttribute("data-movie")));
      assertThat(shown)
          .containsExactlyElementsOf(
              expected.stream().map(r -> Integer.toString(r.rawMovieId())).toList());
    }
  }
}
