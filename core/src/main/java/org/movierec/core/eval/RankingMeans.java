package org.movierec.core.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The means of ranking metrics over several measurements, such as the folds of a cross-validation.
 *
 * @param precision the mean precision at k
 * @param recall the mean recall at k
 * @param ndcg the mean NDCG at k
 * @param map the mean MAP at k
 * @param hitRate the mean hit rate at k
 * @param coverage the mean catalog coverage
 */
public record RankingMeans(
    @JsonProperty("precision") double precision,
    @JsonProperty("recall") double recall,
    @JsonProperty("ndcg") double ndcg,
    @JsonProperty("map") double map,
    @JsonProperty("hit_rate") double hitRate,
    @JsonProperty("coverage") double coverage) {

  /**
   * The means of the given measurements.
   *
   * @throws IllegalArgumentException when there are none
   */
  public static RankingMeans of(List<RankingMetrics> metrics) {
    if (metrics.isEmpty()) {
      throw new IllegalArgumentException("no ranking metrics to average");
    }
    return new RankingMeans(
        mean(metrics, RankingMetrics::precision),
        mean(metrics, RankingMetrics::recall),
        mean(metrics, RankingMetrics::ndcg),
        mean(metrics, RankingMetrics::map),
        mean(metrics, RankingMetrics::hitRate),
        mean(metrics, RankingMetrics::coverage));
  }

  private static double mean(List<RankingMetrics> metrics, ToDoubleFunction<RankingMetrics> field) {
    return metrics.stream().mapToDouble(field).average().orElseThrow();
  }
}
