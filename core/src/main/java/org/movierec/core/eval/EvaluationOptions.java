package org.movierec.core.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How models are evaluated: the length of each user's top-N list, the rating from which a test
 * rating counts as relevant, and how many threads score users.
 *
 * @param k the number of recommendations per user that ranking metrics look at
 * @param relevanceThreshold a test rating at or above this value marks a relevant movie
 * @param threads how many threads recommend for users at once; results do not depend on it
 */
public record EvaluationOptions(
    @JsonProperty("k") int k,
    @JsonProperty("relevance_threshold") double relevanceThreshold,
    @JsonProperty("threads") int threads) {

  /** Top-10 lists, relevance from 4 stars on, one thread. */
  public static final EvaluationOptions DEFAULTS = new EvaluationOptions(10, 4.0, 1);

  /** Checks that the list length and thread count are positive and the threshold finite. */
  public EvaluationOptions {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    if (!Double.isFinite(relevanceThreshold)) {
      throw new IllegalArgumentException(
          "relevance threshold must be a finite rating, got " + relevanceThreshold);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("evaluation threads must be >= 1, got " + threads);
    }
  }

  /** A copy with another list length. */
  public EvaluationOptions withK(int newK) {
    return new EvaluationOptions(newK, relevanceThreshold, threads);
  }

  /** A copy with another relevance threshold. */
  public EvaluationOptions withRelevanceThreshold(double threshold) {
    return new EvaluationOptions(k, threshold, threads);
  }

  /** A copy with another thread count. */
  public EvaluationOptions withThreads(int newThreads) {
    return new EvaluationOptions(k, relevanceThreshold, newThreads);
  }
}
