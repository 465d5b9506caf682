package org.movierec.core.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.Model;
import org.movierec.core.training.Trainer;
import org.movierec.core.training.TrainingListener;

/**
 * A trainer that records every (user, movie) pair and validation set it is handed and returns a
 * {@link TableModel} scoring {@code 1 + (user + 2 * movie) % 5}, counting how often models close.
 */
final class SpyTrainer implements Trainer {

  /** The raw (user, movie) pairs of each call's training ratings, as {@code user:movie}. */
  final List<Set<String>> trainPairs = new ArrayList<>();

  /** Whether each call was handed a validation set. */
  final List<Boolean> validationGiven = new ArrayList<>();

  int closes;

  @Override
  public Model train(
      RatingDataset train,
      Optional<RatingDataset> validation,
      TrainingConfig config,
      TrainingListener listener) {
    trainPairs.add(pairsOf(train));
    validationGiven.add(validation.isPresent());
    TableModel.Table table = TableModel.table();
    for (int row = 0; row < train.size(); row++) {
      for (int movie = 0; movie < train.movies().size(); movie++) {
        int rawUser = train.rawUserId(row);
        int rawMovie = train.movies().rawId(movie);
        table.put(rawUser, rawMovie, 1 + (rawUser + 2 * rawMovie) % 5);
      }
    }
    return new TableModel(train, table.build(), config.coldStart()) {
      @Override
      public void close() {
        closes++;
      }
    };
  }

  static Set<String> pairsOf(RatingDataset ratings) {
    Set<String> pairs = new HashSet<>();
    for (int row = 0; row < ratings.size(); row++) {
      pairs.add(ratings.rawUserId(row) + ":" + ratings.rawMovieId(row));
    }
    return pairs;
  }
}
