package org.movierec.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UserScoresTest {

  private static final double EPS = 1e-9;

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }

  @Test
  void record_hitsAtRanksOneThreeFive_matchesTextbookValues() {
    UserScores scores = new UserScores(1);

    // ranked 1..5, relevant {1, 3, 5}
    scores.record(0, new int[] {1, 2, 3, 4, 5}, new int[] {1, 3, 5}, 5);
    RankingMetrics metrics = scores.summarize(5, 4.0, 0.5);

    double dcg = 1 + 1 / log2(4) + 1 / log2(6);
    double idealDcg = 1 + 1 / log2(3) + 1 / log2(4);
    assertThat(metrics.precision()).isCloseTo(3 / 5.0, within(EPS));
    assertThat(metrics.recall()).isCloseTo(1.0, within(EPS));
    assertThat(metrics.ndcg()).isCloseTo(dcg / idealDcg, within(EPS));
    assertThat(metrics.ndcg()).isCloseTo(0.8855, within(1e-4));
    assertThat(metrics.map()).isCloseTo((1 + 2 / 3.0 + 3 / 5.0) / 3, within(EPS));
    assertThat(metrics.hitRate()).isEqualTo(1.0);
    assertThat(metrics.coverage()).isEqualTo(0.5);
  }

  @Test
  void record_listShorterThanK_stillDividesPrecisionByK() {
    UserScores scores = new UserScores(1);

    // only two movies were left to recommend; both relevant, out of 4 relevant
    scores.record(0, new int[] {7, 8}, new int[] {5, 6, 7, 8}, 5);
    RankingMetrics metrics = scores.summarize(5, 4.0, 1.0);

    assertThat(metrics.precision()).isCloseTo(2 / 5.0, within(EPS));
    assertThat(metrics.recall()).isCloseTo(2 / 4.0, within(EPS));
    assertThat(metrics.map()).isCloseTo((1 + 1) / 4.0, within(EPS));
    double idealDcg = 1 + 1 / log2(3) + 1 / log2(4) + 1 / log2(5);
    assertThat(metrics.ndcg()).isCloseTo((1 + 1 / log2(3)) / idealDcg, within(EPS));
  }

  @Test
  void summarize_userWithoutRelevant_isCountedButLeftOutOfMeans() {
    UserScores scores = new UserScores(2);

    scores.record(0, new int[] {1, 2}, new int[] {}, 2);
    scores.record(1, new int[] {3, 4}, new int[] {4}, 2);
    RankingMetrics metrics = scores.summarize(2, 4.0, 1.0);

    assertThat(metrics.users()).isEqualTo(1);
    assertThat(metrics.usersWithoutRelevant()).isEqualTo(1);
    assertThat(metrics.precision()).isCloseTo(0.5, within(EPS));
    assertThat(metrics.ndcg()).isCloseTo(1 / log2(3), within(EPS));
    assertThat(metrics.map()).isCloseTo(0.5, within(EPS));
  }
}
