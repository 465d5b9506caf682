package org.movierec.core.eval;

import java.util.Arrays;
import java.util.Optional;

/**
 * How well one user's top-k list finds the user's relevant test movies: the per-user arithmetic
 * behind {@link RankingMetrics}, shared by the one-machine evaluator and distributed ones so that
 * both measure the same thing.
 *
 * @param precision the share of the k slots holding a relevant movie (hits / k)
 * @param recall the share of the relevant movies found in the list
 * @param ndcg the discounted cumulative gain of the list over the best possible one
 * @param averagePrecision the sum of precisions at hits divided by {@code min(relevant, k)}
 * @param hit 1 when the list holds a relevant movie, 0 otherwise
 */
public record UserRanking(
    double precision, double recall, double ndcg, double averagePrecision, double hit) {

  /**
   * Scores a ranked list of movie ids against the user's sorted, distinct relevant movie ids; empty
   * when there are none, since no list can be right or wrong then.
   */
  public static Optional<UserRanking> of(int[] ranked, int[] relevant, int k) {
    if (relevant.length == 0) {
      return Optional.empty();
    }
    int hits = 0;
    double dcg = 0;
    double precisionSum = 0;
    for (int rank = 0; rank < ranked.length; rank++) {
      if (Arrays.binarySearch(relevant, ranked[rank]) >= 0) {
        hits++;
        dcg += discount(rank);
        precisionSum += (double) hits / (rank + 1);
      }
    }
    int ideal = Math.min(relevant.length, k);
    double idealDcg = 0;
    for (int rank = 0; rank < ideal; rank++) {
      idealDcg += discount(rank);
    }
    return Optional.of(
        new UserRanking(
            (double) hits / k,
            (double) hits / relevant.length,
            dcg / idealDcg,
            precisionSum / ideal,
            hits > 0 ? 1 : 0));
  }

  /**
   * The sorted, distinct ids of the movies among the first {@code length} of a user's test ratings
   * rated at or above the threshold.
   */
  public static int[] relevant(int[] movies, float[] ratings, int length, double threshold) {
    int[] chosen = new int[length];
    int count = 0;
    for (int i = 0; i < length; i++) {
      if (ratings[i] >= threshold) {
        chosen[count++] = movies[i];
      }
    }
    int[] sorted = Arrays.copyOf(chosen, count);
    Arrays.sort(sorted);
    return Arrays.stream(sorted).distinct().toArray();
  }

  /** The gain of a hit at a zero-based rank: {@code 1 / log2(rank + 2)}. */
  private static double discount(int rank) {
    return Math.log(2) / Math.log(rank + 2);
  }
}
