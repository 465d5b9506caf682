package org.movierec.app.data;

import org.movierec.core.data.RatingDataset;

/** Splits ratings into training and test parts by a textual spec such as {@code random:0.1}. */
public interface Splitter {

  /** The spec used when the user gives none. */
  String DEFAULT_SPEC = "random:0.1";

  /**
   * Splits a dataset, deterministically for a given seed.
   *
   * @throws org.movierec.core.config.ConfigException when the spec is not understood
   */
  TrainTest split(RatingDataset data, String spec, long seed);
}
