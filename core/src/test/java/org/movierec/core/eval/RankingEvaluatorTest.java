package org.movierec.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;

class RankingEvaluatorTest {

  private static final double EPS = 1e-9;
  private static final double LOG2_3 = Math.log(3) / Math.log(2);

  /**
   * Movies 10..16, every training rating 3 so that all biases are zero: user 1 rated 10 and 11,
   * user 2 rated 12 and 14, user 3 rated 13, 15 and 16.
   */
  private static RatingDataset train() {
    return new RatingsBuilder(RatingScale.WHOLE_STARS)
        .add(1, 10, 3, 0)
        .add(1, 11, 3, 0)
        .add(2, 12, 3, 0)
        .add(2, 14, 3, 0)
        .add(3, 13, 3, 0)
        .add(3, 15, 3, 0)
        .add(3, 16, 3, 0)
        .build();
  }

  /**
   * Top-3 lists: user 1 gets [12, 13, 14]; user 2 gets [15, 10, 11] (10 before 11 on a tie); user 3
   * scores everything 1 and gets [10, 11, 12]; unknown user 4 falls back to equal bias estimates
   * and gets [10, 11, 12].
   */
  private static TableModel model(ColdStartPolicy policy) {
    Map<Long, Float> scores =
        TableModel.table()
            .put(1, 12, 5f)
            .put(1, 13, 4f)
            .put(1, 14, 3f)
            .put(1, 15, 2f)
            .put(2, 15, 5f)
            .put(2, 10, 4f)
            .put(2, 11, 4f)
            .put(2, 13, 1.5f)
            .build();
    return new TableModel(train(), scores, policy);
  }

  /** Relevant at 4 stars: user 1 {13, 15}, user 2 {10, 15}, user 3 none, user 4 {11}. */
  private static RatingDataset test() {
    return new RatingsBuilder(RatingScale.WHOLE_STARS)
        .add(1, 13, 5, 0)
        .add(4, 11, 5, 0)
        .add(1, 15, 4, 0)
        .add(2, 15, 4, 0)
        .add(1, 12, 2, 0)
        .add(3, 10, 3, 0)
        .add(2, 10, 5, 0)
        .build();
  }

  private static RankingMetrics evaluate(EvaluationOptions options) {
    return new RankingEvaluator(options).evaluate(model(ColdStartPolicy.FALLBACK), test());
  }

  @Test
  void evaluate_topThree_matchesHandComputedMeans() {
    RankingMetrics metrics = evaluate(EvaluationOptions.DEFAULTS.withK(3));

    // user 1: hit at rank 2 of 2 relevant; user 2: hits at ranks 1 and 2; user 4: hit at rank 2
    double ndcgUser1 = (1 / LOG2_3) / (1 + 1 / LOG2_3);
    assertThat(metrics.k()).isEqualTo(3);
    assertThat(metrics.users()).isEqualTo(3);
    assertThat(metrics.usersWithoutRelevant()).isEqualTo(1);
    assertThat(metrics.precision()).isCloseTo((1 / 3.0 + 2 / 3.0 + 1 / 3.0) / 3, within(EPS));
    assertThat(metrics.recall()).isCloseTo((0.5 + 1 + 1) / 3, within(EPS));
    assertThat(metrics.ndcg()).isCloseTo((ndcgUser1 + 1 + 1 / LOG2_3) / 3, within(EPS));
    assertThat(metrics.map()).isCloseTo((0.5 / 2 + (1 + 1) / 2.0 + 0.5 / 1) / 3, within(EPS));
    assertThat(metrics.hitRate()).isCloseTo(1.0, within(EPS));
    // lists cover 10..15 but never 16
    assertThat(metrics.coverage()).isCloseTo(6 / 7.0, within(EPS));
  }

  @Test
  void evaluate_topOne_dividesPrecisionByKAndMapByMinOfRelevantAndK() {
    RankingMetrics metrics = evaluate(EvaluationOptions.DEFAULTS.withK(1));

    // lists: user 1 [12] miss, user 2 [15] hit of 2 relevant, user 3 [10], user 4 [10] miss
    assertThat(metrics.precision()).isCloseTo(1 / 3.0, within(EPS));
    assertThat(metrics.recall()).isCloseTo(0.5 / 3, within(EPS));
    assertThat(metrics.ndcg()).isCloseTo(1 / 3.0, within(EPS));
    assertThat(metrics.map()).isCloseTo(1 / 3.0, within(EPS));
    assertThat(metrics.hitRate()).isCloseTo(1 / 3.0, within(EPS));
    assertThat(metrics.coverage()).isCloseTo(3 / 7.0, within(EPS));
  }

  @Test
  void evaluate_lowerThreshold_measuresUsersItMakesRelevant() {
    RankingMetrics metrics =
        evaluate(EvaluationOptions.DEFAULTS.withK(3).withRelevanceThreshold(3));

    // user 3 now has relevant {10}, found at rank 1
    assertThat(metrics.users()).isEqualTo(4);
    assertThat(metrics.usersWithoutRelevant()).isZero();
    assertThat(metrics.relevanceThreshold()).isEqualTo(3.0);
    assertThat(metrics.precision())
        .isCloseTo((1 / 3.0 + 2 / 3.0 + 1 / 3.0 + 1 / 3.0) / 4, within(EPS));
    assertThat(metrics.map()).isCloseTo((0.25 + 1 + 0.5 + 1) / 4, within(EPS));
  }

  @Test
  void evaluate_everyTestUser_asksForExactlyKRecommendationsOnce() {
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    TableModel model =
        new TableModel(train(), TableModel.table().build(), ColdStartPolicy.FALLBACK) {
          @Override
          public List<Recommendation> recommend(int rawUserId, RecommendRequest request) {
            calls.add(rawUserId + ":" + request.count());
            return super.recommend(rawUserId, request);
          }

          @Override
          public float[] predict(int[] rawUserIds, int[] rawMovieIds) {
            throw new AssertionError("ranking must not score pairs one by one");
          }
        };

    new RankingEvaluator(EvaluationOptions.DEFAULTS.withK(4)).evaluate(model, test());

    assertThat(calls).containsExactlyInAnyOrder("1:4", "2:4", "3:4", "4:4");
  }

  @Test
  void evaluate_unknownUserUnderErrorPolicy_throwsNamingTheUser() {
    RankingEvaluator evaluator = new RankingEvaluator(EvaluationOptions.DEFAULTS);

    assertThatThrownBy(() -> evaluator.evaluate(model(ColdStartPolicy.ERROR), test()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("test user 4")
        .hasMessageContaining("cold_start=fallback");
  }

  @Test
  void evaluate_emptyTestSet_givesNaNMeansAndNoCoverage() {
    RankingMetrics metrics =
        new RankingEvaluator(EvaluationOptions.DEFAULTS)
            .evaluate(
                model(ColdStartPolicy.FALLBACK),
                new RatingsBuilder(RatingScale.WHOLE_STARS).build());

    assertThat(metrics.users()).isZero();
    assertThat(metrics.precision()).isNaN();
    assertThat(metrics.hitRate()).isNaN();
    assertThat(metrics.coverage()).isZero();
  }

  @Test
  void evaluate_severalThreads_givesExactlyTheSingleThreadedResult() {
    Random random = new Random(7);
    RatingsBuilder trainBuilder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    RatingsBuilder testBuilder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    TableModel.Table table = TableModel.table();
    for (int user = 1; user <= 300; user++) {
      for (int movie = 1; movie <= 60; movie++) {
        double draw = random.nextDouble();
        if (draw < 0.2 || user == 1) {
          trainBuilder.add(user, movie, 1 + random.nextInt(5), 0);
        } else if (draw < 0.35) {
          testBuilder.add(user, movie, 1 + random.nextInt(5), 0);
        }
        table.put(user, movie, random.nextFloat() * 5);
      }
    }
    TableModel model =
        new TableModel(trainBuilder.build(), table.build(), ColdStartPolicy.FALLBACK);
    RatingDataset test = testBuilder.build();

    RankingMetrics single = new RankingEvaluator(EvaluationOptions.DEFAULTS).evaluate(model, test);
    RankingMetrics parallel =
        new RankingEvaluator(EvaluationOptions.DEFAULTS.withThreads(4)).evaluate(model, test);
    RankingMetrics three =
        new RankingEvaluator(EvaluationOptions.DEFAULTS.withThreads(3)).evaluate(model, test);

    assertThat(single.users()).isGreaterThan(250);
    assertThat(parallel).isEqualTo(single);
    assertThat(three).isEqualTo(single);
  }

  @Test
  void evaluate_failureInAWorkerThread_surfacesTheOriginalException() {
    TableModel model =
        new TableModel(train(), TableModel.table().build(), ColdStartPolicy.FALLBACK) {
          @Override
          public List<Recommendation> recommend(int rawUserId, RecommendRequest request) {
            throw new IllegalStateException("model closed");
          }
        };
    RankingEvaluator evaluator = new RankingEvaluator(EvaluationOptions.DEFAULTS.withThreads(2));

    assertThatThrownBy(() -> evaluator.evaluate(model, test()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("model closed");
  }

  @Test
  void options_nonPositiveK_isRejected() {
    assertThatThrownBy(() -> EvaluationOptions.DEFAULTS.withK(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k must be >= 1");
  }
}
