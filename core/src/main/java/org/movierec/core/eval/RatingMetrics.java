package org.movierec.core.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How close predicted ratings came to the true test ratings. Cold pairs, whose user or movie the
 * model never saw in training, are part of {@code count}, {@code rmse} and {@code mae} and are also
 * measured on their own, since the model answers them with its fallback.
 *
 * @param count the number of test pairs, cold ones included
 * @param rmse the root mean squared error over all pairs, {@code NaN} when there are none
 * @param mae the mean absolute error over all pairs, {@code NaN} when there are none
 * @param coldPairs how many pairs have a user or movie unknown to the model
 * @param coldRmse the root mean squared error over the cold pairs, {@code NaN} when there are none
 * @param coldMae the mean absolute error over the cold pairs, {@code NaN} when there are none
 */
public record RatingMetrics(
    @JsonProperty("count") int count,
    @JsonProperty("rmse") double rmse,
    @JsonProperty("mae") double mae,
    @JsonProperty("cold_pairs") int coldPairs,
    @JsonProperty("cold_rmse") double coldRmse,
    @JsonProperty("cold_mae") double coldMae) {

  /** Checks that the counts fit together and that errors exist exactly when pairs do. */
  public RatingMetrics {
    if (count < 0 || coldPairs < 0 || coldPairs > count) {
      throw new IllegalArgumentException(
          "need 0 <= cold pairs <= count, got count=" + count + " cold pairs=" + coldPairs);
    }
    checkError("rmse", rmse, count);
    checkError("mae", mae, count);
    checkError("cold rmse", coldRmse, coldPairs);
    checkError("cold mae", coldMae, coldPairs);
  }

  /** The number of pairs whose user and movie the model both knew. */
  public int warmPairs() {
    return count - coldPairs;
  }

  private static void checkError(String name, double value, int pairs) {
    boolean valid = pairs == 0 ? Double.isNaN(value) : value >= 0 && Double.isFinite(value);
    if (!valid) {
      throw new IllegalArgumentException(
          name
              + " must be NaN without pairs and a finite value >= 0 otherwise, got "
              + value
              + " over "
              + pairs
              + " pairs");
    }
  }
}
