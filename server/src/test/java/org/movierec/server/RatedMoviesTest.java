package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.store.RatingStore;
import org.movierec.core.store.RatingStores;
import org.movierec.core.store.StoredRating;
import org.movierec.server.RunningServer.Reply;
import org.movierec.server.feedback.Feedback;

/**
 * A user's list leaves out the movies they rated in the server's dataset, including those the model
 * held out of its training, as {@code train}'s test split does.
 */
class RatedMoviesTest {

  private static final int USER = TestModels.user(2);

  @TempDir static Path dir;

  private static final Set<Integer> heldOut = new HashSet<>();
  private static final Set<Integer> ratedInData = new HashSet<>();
  private static RatingDataset training;
  private static RunningServer withData;
  private static RunningServer withoutData;

  @BeforeAll
  static void start() throws Exception {
    RatingDataset data = TestModels.data();
    List<Integer> kept = new ArrayList<>();
    for (int row = 0; row < data.size(); row++) {
      if (data.rawUserId(row) == USER) {
        ratedInData.add(data.rawMovieId(row));
        // Every other rating of the user is held out, as a test split would hold it.
        if (ratedInData.size() % 2 == 0) {
          heldOut.add(data.rawMovieId(row));
          continue;
        }
      }
      kept.add(row);
    }
    training = data.select(kept.stream().mapToInt(Integer::intValue).toArray());
    Path file = TestModels.save(dir.resolve("model.mrec"), training, 15);
    withData =
        RunningServer.start(
            MovieRecServer.builder().setModelFile(file).optData(data), ServerConfig.builder());
    withoutData =
        RunningServer.start(MovieRecServer.builder().setModelFile(file), ServerConfig.builder());
  }

  @AfterAll
  static void stop() {
    withData.close();
    withoutData.close();
  }

  @Test
  void recommendations_heldOutRating_listedWithoutDatasetOnly() throws Exception {
    String path = "/v1/users/" + USER + "/recommendations?top=" + TestModels.MOVIES;

    assertThat(heldOut).hasSizeGreaterThan(2);
    assertThat(withoutData.get(path).recommendedMovies()).containsAll(heldOut);
    assertThat(withData.get(path).recommendedMovies()).doesNotContainAnyElementsOf(ratedInData);
  }

  @Test
  void recommendations_requestExclude_stillApplies() throws Exception {
    List<Integer> unrated = unrated();
    int excluded = unrated.get(0);

    List<Integer> listed =
        withData
            .get(
                "/v1/users/"
                    + USER
                    + "/recommendations?top="
                    + unrated.size()
                    + "&exclude="
                    + excluded)
            .recommendedMovies();

    assertThat(listed)
        .doesNotContain(excluded)
        .doesNotContainAnyElementsOf(ratedInData)
        .hasSize(unrated.size() - 1);
  }

  @Test
  void recommendations_enoughCandidates_returnTheNumberAsked() throws Exception {
    List<Integer> unrated = unrated();

    List<Integer> all =
        withData
            .get("/v1/users/" + USER + "/recommendations?top=" + unrated.size())
            .recommendedMovies();
    List<Integer> three =
        withData.get("/v1/users/" + USER + "/recommendations?top=3").recommendedMovies();

    assertThat(all).containsExactlyInAnyOrderElementsOf(unrated);
    assertThat(three).containsExactlyElementsOf(all.subList(0, 3));
  }

  @Test
  void recommendations_storeWithTrainingRatingsOnly_leaveOutTheDatasetsToo() throws Exception {
    try (RatingStore store = RatingStores.discover().open(dir.resolve("train.db").toString())) {
      store.requireScale(training.scale());
      store.putMovies(training.catalog().movies());
      List<StoredRating> ratings = new ArrayList<>();
      for (int row = 0; row < training.size(); row++) {
        ratings.add(
            new StoredRating(
                training.rawUserId(row),
                training.rawMovieId(row),
                training.rating(row),
                training.timestamp(row)));
      }
      store.append(ratings);
      try (RunningServer stored =
          RunningServer.start(
              MovieRecServer.builder()
                  .setModelFile(dir.resolve("model.mrec"))
                  .optData(TestModels.data())
                  .optFeedback(Feedback.of(store, Optional.empty())),
              ServerConfig.builder())) {
        Reply list = stored.get("/v1/users/" + USER + "/recommendations?top=" + TestModels.MOVIES);

        assertThat(list.json().get("fitted_from").textValue()).isEqualTo("model");
        assertThat(list.recommendedMovies()).doesNotContainAnyElementsOf(ratedInData);
      }
    }
  }

  /** The movies of the catalog the user rated nowhere in the dataset. */
  private static List<Integer> unrated() {
    List<Integer> unrated = new ArrayList<>();
    for (int m = 0; m < TestModels.MOVIES; m++) {
      if (!ratedInData.contains(TestModels.movie(m))) {
        unrated.add(TestModels.movie(m));
      }
    }
    assertThat(unrated).hasSizeGreaterThan(3);
    return unrated;
  }
}
