package org.movierec.core.eval;

/** Running sums of squared and absolute errors, over all pairs and over cold pairs alone. */
final class ErrorSums {

  private int count;
  private double squared;
  private double absolute;
  private int coldCount;
  private double coldSquared;
  private double coldAbsolute;

  /** Adds one prediction of a true rating. */
  void add(double predicted, double actual, boolean cold) {
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

  /** The metrics of everything added so far. */
  RatingMetrics toMetrics() {
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
