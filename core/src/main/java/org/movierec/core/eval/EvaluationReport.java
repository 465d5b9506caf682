package org.movierec.core.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * Everything measured on one model and one test set; serializes to JSON with snake_case names.
 *
 * @param rating the rating error
 * @param ranking the top-k ranking quality
 * @param popularity the popularity baseline's ranking quality on the same lists, for reference
 */
public record EvaluationReport(
    @JsonProperty("rating") RatingMetrics rating,
    @JsonProperty("ranking") RankingMetrics ranking,
    @JsonProperty("popularity") PopularityMetrics popularity) {

  /** Rejects missing parts. */
  public EvaluationReport {
    Objects.requireNonNull(rating, "rating");
    Objects.requireNonNull(ranking, "ranking");
    Objects.requireNonNull(popularity, "popularity");
  }
}
