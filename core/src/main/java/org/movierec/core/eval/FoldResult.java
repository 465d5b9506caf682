package org.movierec.core.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.movierec.core.training.TrainingSummary;

/**
 * What one fold of a cross-validation measured. Its JSON form also carries the fold's {@code rmse}
 * and {@code mae} at the top level for quick reading.
 *
 * @param fold the one-based fold number
 * @param trainRatings how many ratings the fold's model learned from
 * @param testRatings how many ratings it was measured on
 * @param metrics the rating and ranking metrics on the test ratings
 * @param training what training measured, epoch by epoch
 */
@JsonIgnoreProperties(
    value = {"rmse", "mae"},
    allowGetters = true)
public record FoldResult(
    @JsonProperty("fold") int fold,
    @JsonProperty("train_ratings") int trainRatings,
    @JsonProperty("test_ratings") int testRatings,
    @JsonProperty("metrics") EvaluationReport metrics,
    @JsonProperty("training") TrainingSummary training) {

  /** Rejects missing parts. */
  public FoldResult {
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(training, "training");
  }

  /** The fold's test RMSE. */
  @JsonProperty("rmse")
  public double rmse() {
    return metrics.rating().rmse();
  }

  /** The fold's test MAE. */
  @JsonProperty("mae")
  public double mae() {
    return metrics.rating().mae();
  }
}
