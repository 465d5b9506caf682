package org.movierec.core.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The ranking metrics of the popularity baseline on the same test users, list length and relevance
 * threshold as a model's, so that a reader sees whether the model ranks better than "most popular"
 * ({@link org.movierec.core.rank.PopularityRecommender}).
 *
 * @param priorRatings the prior strength of the best-rated ranking, in ratings at the global mean
 * @param mostRated the lists of the most-rated movies each user has not rated
 * @param bestRated the lists by shrunk mean rating, or {@code null} when the model file carries no
 *     mean ratings (saved before they were stored)
 */
public record PopularityMetrics(
    @JsonProperty("prior_ratings") double priorRatings,
    @JsonProperty("most_rated") RankingMetrics mostRated,
    @JsonProperty("best_rated") RankingMetrics bestRated) {

  /** Rejects a missing most-rated measurement. */
  public PopularityMetrics {
    Objects.requireNonNull(mostRated, "mostRated");
  }
}
