package org.movierec.data.generate;

import org.movierec.core.data.RatingScale;

/**
 * Turns a standard-normal score into a rating so that ratings follow a target histogram: MovieLens'
 * own for whole and half stars, a bell leaning to the top third for other scales.
 */
final class RatingLevels {

  /** ml-100k's share of 1 to 5 stars. */
  private static final double[] WHOLE_STAR_SHARES = {0.061, 0.114, 0.271, 0.342, 0.212};

  /** ml-25m's share of 0.5 to 5 stars. */
  private static final double[] HALF_STAR_SHARES = {
    0.016, 0.031, 0.016, 0.066, 0.050, 0.196, 0.127, 0.266, 0.085, 0.147
  };

  private final float[] levels;
  private final double[] thresholds;

  private RatingLevels(float[] levels, double[] shares) {
    this.levels = levels;
    double total = 0;
    for (double share : shares) {
      total += share;
    }
    thresholds = new double[levels.length - 1];
    double cumulative = 0;
    for (int i = 0; i < thresholds.length; i++) {
      cumulative += shares[i] / total;
      thresholds[i] = Gaussian.quantile(cumulative);
    }
  }

  /** The levels of a scale with a step, with their target shares. */
  static RatingLevels of(RatingScale scale) {
    float[] levels = new float[scale.levels()];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = scale.min() + i * scale.step();
    }
    if (scale.equals(RatingScale.WHOLE_STARS)) {
      return new RatingLevels(levels, WHOLE_STAR_SHARES);
    }
    if (scale.equals(RatingScale.HALF_STARS)) {
      return new RatingLevels(levels, HALF_STAR_SHARES);
    }
    double[] shares = new double[levels.length];
    for (int i = 0; i < levels.length; i++) {
      double position = levels.length == 1 ? 0.5 : (double) i / (levels.length - 1);
      double distance = (position - 0.68) / 0.25;
      shares[i] = StrictMath.exp(-0.5 * distance * distance);
    }
    return new RatingLevels(levels, shares);
  }

  /** The rating for a standard-normal score. */
  float rating(double score) {
    int low = 0;
    int high = thresholds.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (score < thresholds[middle]) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return levels[low];
  }
}
