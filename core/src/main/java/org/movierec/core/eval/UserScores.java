package org.movierec.core.eval;

import java.util.Arrays;

/**
 * Per-user ranking scores, filled in by any thread (each user by one) and summed in user order so
 * that the means do not depend on which thread scored whom.
 */
final class UserScores {

  private final boolean[] measured;
  private final double[] precision;
  private final double[] recall;
  private final double[] ndcg;
  private final double[] averagePrecision;
  private final double[] hit;

  UserScores(int users) {
    measured = new boolean[users];
    precision = new double[users];
    recall = new double[users];
    ndcg = new double[users];
    averagePrecision = new double[users];
    hit = new double[users];
  }

  /**
   * Scores one user's ranked list against the user's sorted relevant movies; a user without
   * relevant movies is only counted.
   */
  void record(int user, int[] ranked, int[] relevant, int k) {
    if (relevant.length == 0) {
      return;
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
    measured[user] = true;
    precision[user] = (double) hits / k;
    recall[user] = (double) hits / relevant.length;
    ndcg[user] = dcg / idealDcg;
    averagePrecision[user] = precisionSum / ideal;
    hit[user] = hits > 0 ? 1 : 0;
  }

  /** The means over measured users, with the given catalog coverage. */
  RankingMetrics summarize(int k, double threshold, double coverage) {
    int users = 0;
    for (boolean m : measured) {
      users += m ? 1 : 0;
    }
    return new RankingMetrics(
        k,
        threshold,
        users,
        measured.length - users,
        mean(precision, users),
        mean(recall, users),
        mean(ndcg, users),
        mean(averagePrecision, users),
        mean(hit, users),
        coverage);
  }

  private double mean(double[] values, int users) {
    if (users == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int user = 0; user < values.length; user++) {
      if (measured[user]) {
        sum += values[user];
      }
    }
    return sum / users;
  }

  /** The gain of a hit at a zero-based rank: {@code 1 / log2(rank + 2)}. */
  private static double discount(int rank) {
    return Math.log(2) / Math.log(rank + 2);
  }
}
