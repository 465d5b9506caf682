package org.movierec.backend.djl;

import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingDatasets;
import org.movierec.core.random.Shuffle;

/**
 * The ratings one training run reads: the training set re-indexed to exactly its own users and
 * movies, and the validation pairs mapped onto those indices (pairs with a user or movie the
 * training set lacks cannot be scored by the network and are counted, not used).
 *
 * @param train the compacted training ratings
 * @param validation the validation pairs by the training set's dense indices
 * @param coldValidationRows validation ratings dropped for an unknown user or movie
 */
record DjlTrainingData(ColumnarRatings train, Pairs validation, int coldValidationRows) {

  /** Mixed into the seed so the validation split does not correlate with the initialization. */
  private static final long SPLIT_SALT = 0x5DEECE66DL;

  /**
   * Pairs of dense indices with their ratings, as parallel columns.
   *
   * @param users dense user indices
   * @param movies dense movie indices
   * @param ratings the observed ratings
   */
  record Pairs(int[] users, int[] movies, float[] ratings) {

    /** The number of pairs. */
    int size() {
      return users.length;
    }
  }

  /**
   * Prepares a run: holds {@code validation_fraction} of {@code train} out with the seed when no
   * validation set is given, compacts the rest and maps the validation set onto it.
   *
   * @throws IllegalArgumentException when no training rating is left
   */
  static DjlTrainingData prepare(
      RatingDataset train, Optional<RatingDataset> validation, TrainingConfig config) {
    RatingDataset fitOn = train;
    RatingDataset checkOn = validation.orElse(null);
    if (checkOn == null && config.validationFraction() > 0) {
      int[][] split = split(train.size(), config.validationFraction(), config.seed());
      fitOn = train.select(split[0]);
      checkOn = train.select(split[1]);
    }
    if (fitOn.size() == 0) {
      throw new IllegalArgumentException(
          "cannot train on an empty dataset: no training ratings"
              + (fitOn == train ? "" : " are left after holding out validation_fraction"));
    }
    ColumnarRatings compact = RatingDatasets.compact(fitOn);
    if (checkOn == null) {
      return new DjlTrainingData(compact, new Pairs(new int[0], new int[0], new float[0]), 0);
    }
    return mapValidation(compact, checkOn);
  }

  /** The number of validation pairs the network can score. */
  int validationSize() {
    return validation.size();
  }

  /**
   * Splits row numbers into kept and held-out rows, each in ascending order.
   *
   * @return {@code {kept, heldOut}}
   */
  static int[][] split(int size, double fraction, long seed) {
    int[] rows = Shuffle.permutation(size, new Random(seed ^ SPLIT_SALT));
    int held = (int) Math.round(size * fraction);
    int[] heldOut = Arrays.copyOfRange(rows, 0, held);
    int[] kept = Arrays.copyOfRange(rows, held, size);
    Arrays.sort(heldOut);
    Arrays.sort(kept);
    return new int[][] {kept, heldOut};
  }

  private static DjlTrainingData mapValidation(ColumnarRatings compact, RatingDataset checkOn) {
    int n = checkOn.size();
    int[] users = new int[n];
    int[] movies = new int[n];
    float[] ratings = new float[n];
    int kept = 0;
    for (int row = 0; row < n; row++) {
      int user = compact.users().indexOf(checkOn.rawUserId(row));
      int movie = compact.movies().indexOf(checkOn.rawMovieId(row));
      if (user >= 0 && movie >= 0) {
        users[kept] = user;
        movies[kept] = movie;
        ratings[kept] = checkOn.rating(row);
        kept++;
      }
    }
    Pairs pairs =
        new Pairs(
            Arrays.copyOf(users, kept), Arrays.copyOf(movies, kept), Arrays.copyOf(ratings, kept));
    return new DjlTrainingData(compact, pairs, n - kept);
  }
}
