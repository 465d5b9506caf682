package org.movierec.core.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * The per-fold metrics of a cross-validation and their summary: mean and sample standard deviation
 * of RMSE and MAE, and the means of the ranking metrics, the model's and the popularity baseline's.
 * The JSON form carries the summary as {@code mean_rmse}, {@code std_rmse}, {@code mean_mae},
 * {@code std_mae}, {@code mean_<metric>} for each of the model's ranking metrics, and {@code
 * mean_most_rated} and {@code mean_best_rated} for the baseline's.
 *
 * @param backend the name of the backend that trained the fold models
 * @param config the training configuration every fold used, as key to text
 * @param evaluation how the models were evaluated
 * @param folds one result per fold, in the order run
 */
@JsonIgnoreProperties(
    value = {
      "mean_rmse",
      "std_rmse",
      "mean_mae",
      "std_mae",
      "mean_precision",
      "mean_recall",
      "mean_ndcg",
      "mean_map",
      "mean_hit_rate",
      "mean_coverage",
      "mean_most_rated",
      "mean_best_rated"
    },
    allowGetters = true)
public record CrossValidationReport(
    @JsonProperty("backend") String backend,
    @JsonProperty("config") Map<String, String> config,
    @JsonProperty("evaluation") EvaluationOptions evaluation,
    @JsonProperty("folds") List<FoldResult> folds) {

  /** Copies the configuration and folds and rejects an empty run. */
  public CrossValidationReport {
    Objects.requireNonNull(backend, "backend");
    config = Map.copyOf(config);
    Objects.requireNonNull(evaluation, "evaluation");
    folds = List.copyOf(folds);
    if (folds.isEmpty()) {
      throw new IllegalArgumentException("a cross-validation report needs at least one fold");
    }
  }

  /** The mean test RMSE over folds. */
  @JsonProperty("mean_rmse")
  public double meanRmse() {
    return mean(FoldResult::rmse);
  }

  /** The sample standard deviation of the test RMSE over folds; {@code NaN} for one fold. */
  @JsonProperty("std_rmse")
  public double stdRmse() {
    return sampleStd(FoldResult::rmse);
  }

  /** The mean test MAE over folds. */
  @JsonProperty("mean_mae")
  public double meanMae() {
    return mean(FoldResult::mae);
  }

  /** The sample standard deviation of the test MAE over folds; {@code NaN} for one fold. */
  @JsonProperty("std_mae")
  public double stdMae() {
    return sampleStd(FoldResult::mae);
  }

  /** The mean precision at k over folds. */
  @JsonProperty("mean_precision")
  public double meanPrecision() {
    return mean(fold -> fold.metrics().ranking().precision());
  }

  /** The mean recall at k over folds. */
  @JsonProperty("mean_recall")
  public double meanRecall() {
    return mean(fold -> fold.metrics().ranking().recall());
  }

  /** The mean NDCG at k over folds. */
  @JsonProperty("mean_ndcg")
  public double meanNdcg() {
    return mean(fold -> fold.metrics().ranking().ndcg());
  }

  /** The mean MAP at k over folds. */
  @JsonProperty("mean_map")
  public double meanMap() {
    return mean(fold -> fold.metrics().ranking().map());
  }

  /** The mean hit rate at k over folds. */
  @JsonProperty("mean_hit_rate")
  public double meanHitRate() {
    return mean(fold -> fold.metrics().ranking().hitRate());
  }

  /** The mean catalog coverage over folds. */
  @JsonProperty("mean_coverage")
  public double meanCoverage() {
    return mean(fold -> fold.metrics().ranking().coverage());
  }

  /** The popularity baseline's mean ranking metrics by number of ratings, over folds. */
  @JsonProperty("mean_most_rated")
  public RankingMeans meanMostRated() {
    return RankingMeans.of(
        folds.stream().map(fold -> fold.metrics().popularity().mostRated()).toList());
  }

  /**
   * The popularity baseline's mean ranking metrics by shrunk mean rating, over folds; {@code null}
   * when a fold's model carried no mean ratings.
   */
  @JsonProperty("mean_best_rated")
  public RankingMeans meanBestRated() {
    List<RankingMetrics> bestRated =
        folds.stream().map(fold -> fold.metrics().popularity().bestRated()).toList();
    return bestRated.contains(null) ? null : RankingMeans.of(bestRated);
  }

  private double mean(ToDoubleFunction<FoldResult> metric) {
    double sum = 0;
    for (FoldResult fold : folds) {
      sum += metric.applyAsDouble(fold);
    }
    return sum / folds.size();
  }

  private double sampleStd(ToDoubleFunction<FoldResult> metric) {
    if (folds.size() < 2) {
      return Double.NaN;
    }
    double mean = mean(metric);
    double squares = 0;
    for (FoldResult fold : folds) {
      double deviation = metric.applyAsDouble(fold) - mean;
      squares += deviation * deviation;
    }
    return Math.sqrt(squares / (folds.size() - 1));
  }
}
