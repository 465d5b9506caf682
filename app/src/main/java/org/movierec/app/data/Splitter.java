package org.movierec.app.data;

import java.util.List;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.eval.Fold;
import org.movierec.data.split.Split;

/**
 * Splits ratings into training and test parts by a textual spec such as {@code random:0.1} or
 * {@code user-last:10}, and into folds for cross-validation.
 */
public interface Splitter {

  /** The spec used when the user gives none. */
  String DEFAULT_SPEC = "random:0.1";

  /**
   * Splits a dataset, deterministically for a given seed.
   *
   * @throws org.movierec.core.config.ConfigException when the spec is not understood
   */
  TrainTest split(RatingDataset data, String spec, long seed);

  /**
   * Every split a spec makes: one, or one per fold for {@code kfold:K}; each knows its cold-start
   * users and movies.
   *
   * @throws org.movierec.core.config.ConfigException when the spec is not understood
   */
  List<Split> splits(RatingDataset data, String spec, long seed);

  /**
   * Deals the ratings into {@code folds} disjoint test parts of near-equal size, deterministically
   * for a given seed; fold {@code i} trains on every other part.
   *
   * @throws IllegalArgumentException when there are fewer ratings than folds or fewer than 2 folds
   */
  List<Fold> kFold(RatingDataset data, int folds, long seed);
}
