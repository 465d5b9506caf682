package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieRating;
import org.movierec.core.testdata.SharedDatasets;
import org.movierec.model.Presets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fold-in on real data: every tenth ml-100k user is left out of training entirely; each of them is
 * folded in from a random half of their ratings and predicted on the other half, against the
 * cold-start fallback that the same model gives a user it does not know.
 */
class DjlFoldInMovieLensTest {

  private static final Logger LOG = LoggerFactory.getLogger(DjlFoldInMovieLensTest.class);

  @Test
  void foldIn_usersLeftOutOfTraining_predictTheirOtherRatingsBetterThanColdStart()
      throws IOException {
    ColumnarRatings all = SharedDatasets.readRatings(SharedDatasets.ml100k().resolve("u.data"));
    int[] trainRows = IntStream.range(0, all.size()).filter(r -> !leftOut(all, r)).toArray();
    Map<Integer, List<MovieRating>> leftOut = new LinkedHashMap<>();
    for (int row = 0; row < all.size(); row++) {
      if (leftOut(all, row)) {
        leftOut
            .computeIfAbsent(all.rawUserId(row), user -> new ArrayList<>())
            .add(new MovieRating(all.rawMovieId(row), all.rating(row)));
      }
    }
    TrainingConfig config =
        TrainingConfig.builder()
            .setAll(Presets.TUNED.settings())
            .set("epochs", "20")
            .set("cold_start", "fallback")
            .build();
    try (Model model = new DjlTrainer().train(all.select(trainRows), config)) {
      Random random = new Random(7);
      double foldedSquares = 0;
      double coldSquares = 0;
      int tested = 0;
      for (Map.Entry<Integer, List<MovieRating>> user : leftOut.entrySet()) {
        assertThat(model.knowsUser(user.getKey())).isFalse();
        List<MovieRating> ratings = new ArrayList<>(user.getValue());
        Collections.shuffle(ratings, random);
        List<MovieRating> given = ratings.subList(0, ratings.size() / 2);
        List<MovieRating> hidden = ratings.subList(ratings.size() / 2, ratings.size());
        FoldedUser folded = model.foldIn(given);
        for (MovieRating rating : hidden) {
          double foldedError = folded.predict(rating.rawMovieId()) - rating.rating();
          double coldError = model.predict(user.getKey(), rating.rawMovieId()) - rating.rating();
          foldedSquares += foldedError * foldedError;
          coldSquares += coldError * coldError;
          tested++;
        }
      }
      double foldedRmse = Math.sqrt(foldedSquares / tested);
      double coldRmse = Math.sqrt(coldSquares / tested);
      LOG.info(
          "{} users left out of training, {} hidden ratings: fold-in RMSE {}, cold start {}",
          leftOut.size(),
          tested,
          foldedRmse,
          coldRmse);
      assertThat(leftOut).hasSizeGreaterThan(90);
      assertThat(foldedRmse)
          .as("against the cold start's %s", coldRmse)
          .isLessThan(coldRmse - 0.03);
    }
  }

  /** Every tenth user by raw id never reaches training. */
  private static boolean leftOut(ColumnarRatings all, int row) {
    return all.rawUserId(row) % 10 == 0;
  }
}
