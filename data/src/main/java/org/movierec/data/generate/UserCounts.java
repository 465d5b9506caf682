package org.movierec.data.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How many ratings each user gives: a floor of up to 20, as MovieLens keeps only users with 20
 * ratings, plus a log-normal share of the rest, so a few users rate thousands of movies and most a
 * few dozen. The counts add up to the spec's total exactly; no user rates more than half the movies
 * (MovieLens' most active users rate 44-52%) unless the total needs it.
 */
final class UserCounts {

  /** Log-normal spread; MovieLens' mean-to-median ratios give 1.1 (ml-100k) to 1.4 (ml-25m). */
  private static final double SIGMA = 1.3;

  private static final int FLOOR = 20;

  private UserCounts() {}

  /** The number of ratings of each of {@code users} users. */
  static int[] allocate(int users, int movies, long ratings, SplittableRandom random) {
    int floor = (int) Math.min(FLOOR, ratings / users);
    int cap = (int) Math.min(movies, Math.max(movies / 2, (ratings + users - 1) / users));
    Gaussian gaussian = new Gaussian(random);
    double[] weights = new double[users];
    for (int user = 0; user < users; user++) {
      weights[user] = StrictMath.exp(SIGMA * gaussian.next());
    }
    double[] targets = waterFill(weights, floor, cap, ratings);
    int[] counts = new int[users];
    long assigned = 0;
    long[] byRemainder = new long[users];
    for (int user = 0; user < users; user++) {
      counts[user] = (int) Math.floor(targets[user]);
      assigned += counts[user];
      long remainder = (long) ((targets[user] - counts[user]) * (1L << 31));
      byRemainder[user] = ~(remainder << 32 | user);
    }
    Arrays.sort(byRemainder);
    for (int i = 0; assigned < ratings; i = (i + 1) % users) {
      int user = (int) ~byRemainder[i];
      if (counts[user] < cap) {
        counts[user]++;
        assigned++;
      }
    }
    // Rounding in the shares can leave the floors a rating or two above the total.
    for (int i = users - 1; assigned > ratings; i = (i + users - 1) % users) {
      int user = (int) ~byRemainder[i];
      if (counts[user] > 1) {
        counts[user]--;
        assigned--;
      }
    }
    return counts;
  }

  /**
   * Real-valued targets summing to {@code ratings}: the floor plus a share of the rest by weight,
   * where users above {@code cap} are held at it and their excess goes to the others.
   */
  private static double[] waterFill(double[] weights, int floor, int cap, long ratings) {
    int users = weights.length;
    boolean[] capped = new boolean[users];
    double[] targets = new double[users];
    while (true) {
      int cappedCount = 0;
      double freeWeight = 0;
      for (int user = 0; user < users; user++) {
        if (capped[user]) {
          cappedCount++;
        } else {
          freeWeight += weights[user];
        }
      }
      double pool = ratings - (double) cappedCount * cap - (double) (users - cappedCount) * floor;
      boolean changed = false;
      for (int user = 0; user < users; user++) {
        if (capped[user]) {
          targets[user] = cap;
        } else {
          targets[user] = floor + pool * weights[user] / freeWeight;
          if (targets[user] > cap) {
            capped[user] = true;
            changed = true;
          }
        }
      }
      if (!changed) {
        return targets;
      }
    }
  }
}
