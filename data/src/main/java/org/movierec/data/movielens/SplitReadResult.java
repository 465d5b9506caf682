package org.movierec.data.movielens;

import java.util.Objects;
import org.movierec.data.ReadReport;
import org.movierec.data.split.Split;

/**
 * A predefined split as read from a training file and a test file.
 *
 * @param split the two sides, sharing one id index, with their cold-start users and movies
 * @param trainReport what was read and skipped from the training file and the movie file
 * @param testReport what was read and skipped from the test file
 */
public record SplitReadResult(Split split, ReadReport trainReport, ReadReport testReport) {

  /** Rejects missing parts. */
  public SplitReadResult {
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(trainReport, "trainReport");
    Objects.requireNonNull(testReport, "testReport");
  }
}
