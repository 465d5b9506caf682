package org.movierec.core.eval;

import java.io.Serializable;

/**
 * Running sums of {@link UserRanking}s and a count of users without relevant movies, which partial
 * sums from many workers merge into, then turn into {@link RankingMetrics}.
 */
public final class RankingSums implements Serializable {

  private static final long serialVersionUID = 1L;

  private int users;
  private int usersWithoutRelevant;
  private double precision;
  private double recall;
  private double ndcg;
  private double averagePrecision;
  private double hit;

  /** Empty sums. */
  public RankingSums() {}

  /** Adds one measured user. */
  public void add(UserRanking user) {
    users++;
    precision += user.precision();
    recall += user.recall();
    ndcg += user.ndcg();
    averagePrecision += user.averagePrecision();
    hit += user.hit();
  }

  /** Counts one test user who has no relevant movie, left out of the means. */
  public void addWithoutRelevant() {
    usersWithoutRelevant++;
  }

  /** Adds another partial sum to this one and returns this one. */
  public RankingSums merge(RankingSums other) {
    users += other.users;
    usersWithoutRelevant += other.usersWithoutRelevant;
    precision += other.precision;
    recall += other.recall;
    ndcg += other.ndcg;
    averagePrecision += other.averagePrecision;
    hit += other.hit;
    return this;
  }

  /** The means over the measured users, with the given list length, threshold and coverage. */
  public RankingMetrics toMetrics(int k, double threshold, double coverage) {
    return new RankingMetrics(
        k,
        threshold,
        users,
        usersWithoutRelevant,
        mean(precision),
        mean(recall),
        mean(ndcg),
        mean(averagePrecision),
        mean(hit),
        coverage);
  }

  private double mean(double sum) {
    return users == 0 ? Double.NaN : sum / users;
  }
}
