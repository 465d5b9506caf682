package org.movierec.backend.djl;

import java.util.Arrays;
import java.util.Optional;
import org.movierec.core.bias.Biases;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingDatasets;
import org.movierec.core.training.HoldOut;
import org.movierec.core.training.OutputOffset;

/**
 * The ratings one training run reads: the whole training input re-indexed to exactly its own users
 * and movies, the part of it the network fits (all of it, or all but the {@link HoldOut} when
 * {@code validation_fraction} is set), and the validation pairs mapped onto the input's indices
 * (pairs of a given validation set with a user or movie the input lacks cannot be scored by the
 * network and are counted, not used).
 *
 * @param input the compacted training input, which the model's id maps, rated items and biases
 *     describe
 * @param train the ratings the network fits, sharing the input's id maps
 * @param validation the validation pairs by the input's dense indices
 * @param coldValidationRows validation ratings dropped for an unknown user or movie
 * @param biases the bias estimate the model keeps, over the input's indices: fitted to the whole
 *     input, or under {@code output_offset = biases} to the ratings the network fits, so that the
 *     offset has never seen a validation rating and validation RMSE stays honest
 */
record DjlTrainingData(
    ColumnarRatings input,
    ColumnarRatings train,
    Pairs validation,
    int coldValidationRows,
    Biases biases) {

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
   * Prepares a run: compacts {@code train}, holds {@code validation_fraction} of it out with the
   * seed when no validation set is given, maps the validation ratings onto its indices and fits the
   * biases.
   *
   * @throws IllegalArgumentException when there is no training rating
   */
  static DjlTrainingData prepare(
      RatingDataset train, Optional<RatingDataset> validation, TrainingConfig config) {
    if (train.size() == 0) {
      throw new IllegalArgumentException("cannot train on an empty dataset: no training ratings");
    }
    ColumnarRatings input = RatingDatasets.compact(train);
    HoldOut holdOut =
        HoldOut.split(
            input, validation.isPresent() ? 0 : config.validationFraction(), config.seed());
    Biases biases =
        Biases.fit(config.outputOffset() == OutputOffset.BIASES ? holdOut.fitted() : input, config);
    return mapValidation(input, holdOut.fitted(), validation.orElse(holdOut.validation()), biases);
  }

  /** The number of validation pairs the network can score. */
  int validationSize() {
    return validation.size();
  }

  private static DjlTrainingData mapValidation(
      ColumnarRatings input, ColumnarRatings fitted, RatingDataset checkOn, Biases biases) {
    int n = checkOn.size();
    int[] users = new int[n];
    int[] movies = new int[n];
    float[] ratings = new float[n];
    int kept = 0;
    for (int row = 0; row < n; row++) {
      int user = input.users().indexOf(checkOn.rawUserId(row));
      int movie = input.movies().indexOf(checkOn.rawMovieId(row));
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
    return new DjlTrainingData(input, fitted, pairs, n - kept, biases);
  }
}
