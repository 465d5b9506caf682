package org.movierec.data;

import java.util.Objects;
import org.movierec.core.data.RatingDataset;

/**
 * A dataset as read, with the report of what was read and skipped.
 *
 * @param dataset the ratings, id maps, scale and catalog
 * @param report the files read and the lines skipped
 */
public record ReadResult(RatingDataset dataset, ReadReport report) {

  /** Rejects missing parts. */
  public ReadResult {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(report, "report");
  }
}
