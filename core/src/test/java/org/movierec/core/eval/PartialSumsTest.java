package org.movierec.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PartialSumsTest {

  private static final double EPS = 1e-12;

  @Test
  void errorSums_mergedParts_equalOneSumOverAll() {
    ErrorSums all = new ErrorSums();
    ErrorSums first = new ErrorSums();
    ErrorSums second = new ErrorSums();
    double[][] pairs = {{3.5, 4, 0}, {2, 1, 1}, {4.2, 5, 0}, {1, 1.5, 1}, {3, 3, 0}};
    for (int i = 0; i < pairs.length; i++) {
      boolean cold = pairs[i][2] == 1;
      all.add(pairs[i][0], pairs[i][1], cold);
      (i < 2 ? first : second).add(pairs[i][0], pairs[i][1], cold);
    }

    RatingMetrics merged = first.merge(second).toMetrics();
    RatingMetrics whole = all.toMetrics();

    assertThat(merged.count()).isEqualTo(5);
    assertThat(merged.coldPairs()).isEqualTo(2);
    assertThat(merged.rmse()).isCloseTo(whole.rmse(), within(EPS));
    assertThat(merged.mae()).isCloseTo(whole.mae(), within(EPS));
    assertThat(merged.coldRmse()).isCloseTo(whole.coldRmse(), within(EPS));
    assertThat(merged.coldMae()).isCloseTo(whole.coldMae(), within(EPS));
  }

  @Test
  void rankingSums_mergedParts_equalUserScoresOverAll() {
    int[][] ranked = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {1, 5, 9}};
    int[][] relevant = {{2}, {}, {7, 9}, {1, 5, 9, 10}};
    UserScores scores = new UserScores(ranked.length);
    RankingSums first = new RankingSums();
    RankingSums second = new RankingSums();
    for (int user = 0; user < ranked.length; user++) {
      scores.record(user, ranked[user], relevant[user], 3);
      RankingSums part = user % 2 == 0 ? first : second;
      UserRanking.of(ranked[user], relevant[user], 3)
          .ifPresentOrElse(part::add, part::addWithoutRelevant);
    }

    RankingMetrics merged = second.merge(first).toMetrics(3, 4.0, 0.5);
    RankingMetrics whole = scores.summarize(3, 4.0, 0.5);

    assertThat(merged.users()).isEqualTo(3);
    assertThat(merged.usersWithoutRelevant()).isEqualTo(1);
    assertThat(merged.precision()).isCloseTo(whole.precision(), within(EPS));
    assertThat(merged.recall()).isCloseTo(whole.recall(), within(EPS));
    assertThat(merged.ndcg()).isCloseTo(whole.ndcg(), within(EPS));
    assertThat(merged.map()).isCloseTo(whole.map(), within(EPS));
    assertThat(merged.hitRate()).isCloseTo(whole.hitRate(), within(EPS));
  }

  @Test
  void relevant_keepsRatingsAtThreshold_sortedAndDistinct() {
    int[] movies = {30, 10, 20, 10, 40};
    float[] ratings = {4f, 5f, 3.5f, 4.5f, 4f};

    assertThat(UserRanking.relevant(movies, ratings, 5, 4.0)).containsExactly(10, 30, 40);
    assertThat(UserRanking.relevant(movies, ratings, 2, 4.0)).containsExactly(10, 30);
  }
}
