package org.movierec.core.eval;

import java.util.Optional;

/**
 * Per-user ranking scores, filled in by any thread (each user by one) and summed in user order so
 * that the means do not depend on which thread scored whom.
 */
final class UserScores {

  private final UserRanking[] byUser;

  UserScores(int users) {
    byUser = new UserRanking[users];
  }

  /**
   * Scores one user's ranked list against the user's sorted relevant movies; a user without
   * relevant movies is only counted.
   */
  void record(int user, int[] ranked, int[] relevant, int k) {
    Optional<UserRanking> scored = UserRanking.of(ranked, relevant, k);
    byUser[user] = scored.orElse(null);
  }

  /** The means over measured users, with the given catalog coverage. */
  RankingMetrics summarize(int k, double threshold, double coverage) {
    RankingSums sums = new RankingSums();
    for (UserRanking user : byUser) {
      if (user == null) {
        sums.addWithoutRelevant();
      } else {
        sums.add(user);
      }
    }
    return sums.toMetrics(k, threshold, coverage);
  }
}
