package org.movierec.app.data;

import java.util.Objects;
import org.movierec.core.data.RatingDataset;

/**
 * Training and test ratings of one run.
 *
 * @param train the ratings to learn from
 * @param test the held-out ratings to measure on
 * @param description how the split was made, e.g. {@code random:0.1 seed 1}
 */
public record TrainTest(RatingDataset train, RatingDataset test, String description) {

  /** Rejects missing parts. */
  public TrainTest {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(description, "description");
  }
}
