package org.movierec.spark.als;

import java.util.ArrayList;
import java.util.List;

/**
 * How Spark MLlib's ALS is trained for the comparison: explicit ratings, the given rank, iterations
 * and regularization, a fixed seed.
 *
 * @param rank the number of latent factors
 * @param iterations the number of alternating sweeps
 * @param regularization the L2 penalty (Spark's {@code regParam})
 * @param seed the seed of the initial factors
 */
public record AlsSettings(int rank, int iterations, double regularization, long seed) {

  /** Spark's own defaults: rank 10, 10 iterations, regularization 0.1. */
  public static final AlsSettings SPARK_DEFAULTS = new AlsSettings(10, 10, 0.1, 42);

  /** Rejects values ALS cannot train with, naming all of them. */
  public AlsSettings {
    List<String> problems = new ArrayList<>();
    if (rank < 1) {
      problems.add("rank must be >= 1, got " + rank);
    }
    if (iterations < 1) {
      problems.add("iterations must be >= 1, got " + iterations);
    }
    if (!(regularization >= 0) || Double.isInfinite(regularization)) {
      problems.add("regularization must be a finite value >= 0, got " + regularization);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid ALS settings: " + String.join("; ", problems));
    }
  }
}
