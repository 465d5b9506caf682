package org.movierec.core.eval;

import java.io.Serializable;

/**
 * Running sums of squared and absolute errors, over all pairs and over cold pairs alone, which
 * partial sums from many workers merge into before they become {@link RatingMetrics}.
 */
public final class ErrorSums implements Serializable {

  private static final long serialVersionUID = 1L;

  private int count;
  private double squared;
  private double absolute;
  private int coldCount;
  private double coldSquared;
  private double coldAbsolute;

  /** Empty sums. */
  public ErrorSums() {}

  /** Adds one prediction of a true rating. */
  public void add(double predicted, double actual, boolean cold) {
    double error = predicted - actual;
    count++;
    squared += error * error;
    absolute += Math.abs(error);
    if (cold) {
      coldCount++;
      coldSquared += error * error;
      coldAbsolute += Math.abs(error);
    }
  }

  /** Adds another partial sum to this one and returns this one. */
  public ErrorSums merge(ErrorSums other) {
    count += other.count;
    squared += other.squared;
    absolute += other.absolute;
    coldCount += other.coldCount;
    coldSquared += other.coldSquared;
    coldAbsolute += other.coldAbsolute;
    return this;
  }

  /** The metrics of everything added so far. */
  public RatingMetrics toMetrics() {
    return new RatingMetrics(
        count,
        rootMean(squared, count),
        mean(absolute, count),
        coldCount,
        rootMean(coldSquared, coldCount),
        mean(coldAbsolute, coldCount));
  }

  private static double mean(double sum, int n) {
    return n == 0 ? Double.NaN : sum / n;
  }

  private static double rootMean(double sum, int n) {
    return Math.sqrt(mean(sum, n));
  }
}
