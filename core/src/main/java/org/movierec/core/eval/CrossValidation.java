package org.movierec.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.Model;
import org.movierec.core.training.Trainer;
import org.movierec.core.training.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a cross-validation: for each fold, trains a fresh model on the fold's training ratings only,
 * measures it on the fold's test ratings, closes it, and summarizes all folds. Folds run one after
 * another with the same configuration, so the result is as deterministic as the trainer is for the
 * configured seed. Validation for early stopping is left to the trainer, which carves it out of the
 * training ratings ({@code validation_fraction}); the test ratings are never handed to it.
 */
public final class CrossValidation {

  private static final Logger LOG = LoggerFactory.getLogger(CrossValidation.class);

  private final Supplier<? extends Trainer> trainers;
  private final TrainingConfig config;
  private final Evaluator evaluator;

  /** Follows a cross-validation fold by fold; every method has an empty default. */
  public interface Listener {

    /** A listener that ignores everything. */
    Listener NONE = new Listener() {};

    /** A fold is about to train; returns the listener for its training progress. */
    default TrainingListener onFoldStart(Fold fold) {
      return TrainingListener.NONE;
    }

    /** A fold's model was trained, measured and closed. */
    default void onFoldEnd(FoldResult result) {}
  }

  /**
   * A cross-validation that asks {@code trainers} for a new trainer per fold, trains with {@code
   * config} and measures with {@code evaluator}.
   */
  public CrossValidation(
      Supplier<? extends Trainer> trainers, TrainingConfig config, Evaluator evaluator) {
    this.trainers = Objects.requireNonNull(trainers, "trainers");
    this.config = Objects.requireNonNull(config, "config");
    this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
  }

  /** Runs all folds without progress reports. */
  public CrossValidationReport run(List<Fold> folds) {
    return run(folds, Listener.NONE);
  }

  /**
   * Runs all folds in order.
   *
   * @throws IllegalArgumentException when there are no folds, two folds share a number, or a fold's
   *     test ratings repeat one of its training pairs; checked before any training
   */
  public CrossValidationReport run(List<Fold> folds, Listener listener) {
    checkFolds(folds);
    List<FoldResult> results = new ArrayList<>();
    String backend = null;
    for (Fold fold : folds) {
      TrainingListener progress = listener.onFoldStart(fold);
      Trainer trainer = trainers.get();
      FoldResult result;
      try (Model model = trainer.train(fold.train(), Optional.empty(), config, progress)) {
        String modelBackend = model.info().backend();
        if (backend != null && !backend.equals(modelBackend)) {
          throw new IllegalStateException(
              "fold "
                  + fold.number()
                  + " was trained by backend '"
                  + modelBackend
                  + "' but earlier folds by '"
                  + backend
                  + "'; supply trainers of one backend");
        }
        backend = modelBackend;
        EvaluationReport metrics = evaluator.evaluate(model, fold.test());
        result =
            new FoldResult(
                fold.number(),
                fold.train().size(),
                fold.test().size(),
                metrics,
                model.info().summary());
      }
      LOG.info(
          "fold {}: RMSE {} MAE {} over {} test ratings",
          result.fold(),
          result.rmse(),
          result.mae(),
          result.testRatings());
      listener.onFoldEnd(result);
      results.add(result);
    }
    return new CrossValidationReport(backend, config.toTextMap(), evaluator.options(), results);
  }

  private static void checkFolds(List<Fold> folds) {
    if (folds.isEmpty()) {
      throw new IllegalArgumentException("cross-validation needs at least one fold, got none");
    }
    Set<Integer> numbers = new HashSet<>();
    for (Fold fold : folds) {
      if (!numbers.add(fold.number())) {
        throw new IllegalArgumentException(
            "fold number " + fold.number() + " appears twice; number folds 1, 2, 3, ...");
      }
      checkDisjoint(fold);
    }
  }

  /** Fails when a (user, movie) pair of the fold's test ratings is also among its training ones. */
  private static void checkDisjoint(Fold fold) {
    long[] testPairs = pairs(fold.test());
    Arrays.sort(testPairs);
    RatingDataset train = fold.train();
    int overlap = 0;
    long example = 0;
    for (int row = 0; row < train.size(); row++) {
      long pair = pair(train.rawUserId(row), train.rawMovieId(row));
      if (Arrays.binarySearch(testPairs, pair) >= 0) {
        if (overlap++ == 0) {
          example = pair;
        }
      }
    }
    if (overlap > 0) {
      throw new IllegalArgumentException(
          "fold "
              + fold.number()
              + ": "
              + overlap
              + " training ratings repeat a test pair, e.g. user "
              + (int) (example >> 32)
              + " and movie "
              + (int) example
              + "; a fold's model must never see its test ratings, so split the ratings such that"
              + " each (user, movie) pair lies on one side only");
    }
  }

  private static long[] pairs(RatingDataset ratings) {
    long[] pairs = new long[ratings.size()];
    for (int row = 0; row < pairs.length; row++) {
      pairs[row] = pair(ratings.rawUserId(row), ratings.rawMovieId(row));
    }
    return pairs;
  }

  private static long pair(int rawUser, int rawMovie) {
    return ((long) rawUser << 32) | (rawMovie & 0xFFFF_FFFFL);
  }
}
