package org.movierec.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.model.ColdStartPolicy;

class RatingEvaluatorTest {

  private static final double EPS = 1e-6;

  /** Users 1 and 2 rate movies 1, 2, 3; the mean training rating is 3.5. */
  private static RatingDataset train() {
    return new RatingsBuilder(RatingScale.WHOLE_STARS)
        .add(1, 1, 4, 0)
        .add(1, 2, 2, 0)
        .add(2, 1, 5, 0)
        .add(2, 3, 3, 0)
        .build();
  }

  /** Two warm pairs, one unknown user (3) and one unknown movie (9). */
  private static RatingDataset test() {
    return new RatingsBuilder(RatingScale.WHOLE_STARS)
        .add(1, 3, 4, 0)
        .add(2, 2, 5, 0)
        .add(3, 1, 2, 0)
        .add(1, 9, 1, 0)
        .build();
  }

  private static TableModel model(ColdStartPolicy policy) {
    return new TableModel(
        train(), TableModel.table().put(1, 3, 3f).put(2, 2, 4.5f).build(), policy);
  }

  @Test
  void evaluate_warmAndColdPairs_matchesHandComputedErrors() {
    RatingMetrics metrics = RatingEvaluator.evaluate(model(ColdStartPolicy.FALLBACK), test());

    // errors: 3-4=-1, 4.5-5=-0.5, fallback 3.5-2=1.5, fallback 3.5-1=2.5
    assertThat(metrics.count()).isEqualTo(4);
    assertThat(metrics.rmse()).isCloseTo(Math.sqrt((1 + 0.25 + 2.25 + 6.25) / 4), within(EPS));
    assertThat(metrics.mae()).isCloseTo((1 + 0.5 + 1.5 + 2.5) / 4, within(EPS));
    assertThat(metrics.coldPairs()).isEqualTo(2);
    assertThat(metrics.warmPairs()).isEqualTo(2);
    assertThat(metrics.coldRmse()).isCloseTo(Math.sqrt((2.25 + 6.25) / 2), within(EPS));
    assertThat(metrics.coldMae()).isCloseTo(2.0, within(EPS));
  }

  @Test
  void evaluate_scoreOffScale_measuresClippedPrediction() {
    TableModel model =
        new TableModel(train(), TableModel.table().put(1, 3, 9f).build(), ColdStartPolicy.FALLBACK);
    RatingDataset test = new RatingsBuilder(RatingScale.WHOLE_STARS).add(1, 3, 4, 0).build();

    RatingMetrics metrics = RatingEvaluator.evaluate(model, test);

    assertThat(metrics.rmse()).isCloseTo(1.0, within(EPS));
    assertThat(metrics.coldPairs()).isZero();
    assertThat(metrics.coldRmse()).isNaN();
    assertThat(metrics.coldMae()).isNaN();
  }

  @Test
  void evaluate_coldPairUnderErrorPolicy_throwsNamingThePair() {
    assertThatThrownBy(() -> RatingEvaluator.evaluate(model(ColdStartPolicy.ERROR), test()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user 3, movie 1")
        .hasMessageContaining("cold_start=fallback");
  }

  @Test
  void evaluate_onlyWarmPairsUnderErrorPolicy_succeeds() {
    RatingDataset warm =
        new RatingsBuilder(RatingScale.WHOLE_STARS).add(1, 3, 4, 0).add(2, 2, 5, 0).build();

    RatingMetrics metrics = RatingEvaluator.evaluate(model(ColdStartPolicy.ERROR), warm);

    assertThat(metrics.rmse()).isCloseTo(Math.sqrt((1 + 0.25) / 2), within(EPS));
  }

  @Test
  void evaluate_emptyTestSet_givesNaNErrors() {
    RatingMetrics metrics =
        RatingEvaluator.evaluate(
            model(ColdStartPolicy.FALLBACK), new RatingsBuilder(RatingScale.WHOLE_STARS).build());

    assertThat(metrics.count()).isZero();
    assertThat(metrics.rmse()).isNaN();
    assertThat(metrics.mae()).isNaN();
  }

  @Test
  void evaluate_moreRowsThanOneBatch_predictsInBoundedBatchesOverAllRows() {
    List<Integer> batchSizes = new ArrayList<>();
    TableModel model =
        new TableModel(
            train(), TableModel.table().put(1, 3, 3f).build(), ColdStartPolicy.FALLBACK) {
          @Override
          public float[] predict(int[] rawUserIds, int[] rawMovieIds) {
            batchSizes.add(rawUserIds.length);
            return super.predict(rawUserIds, rawMovieIds);
          }
        };
    int rows = 2 * RatingEvaluator.BATCH + 5;
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS, rows);
    for (int row = 0; row < rows; row++) {
      // prediction 3 for every row; errors alternate between 1 and 2
      builder.add(1, 3, row % 2 == 0 ? 4 : 5, 0);
    }

    RatingMetrics metrics = RatingEvaluator.evaluate(model, builder.build());

    assertThat(batchSizes)
        .containsExactly(RatingEvaluator.BATCH, RatingEvaluator.BATCH, 5)
        .allMatch(size -> size <= RatingEvaluator.BATCH);
    int even = (rows + 1) / 2;
    int odd = rows / 2;
    assertThat(metrics.count()).isEqualTo(rows);
    assertThat(metrics.mae()).isCloseTo((even * 1.0 + odd * 2.0) / rows, within(EPS));
    assertThat(metrics.rmse()).isCloseTo(Math.sqrt((even * 1.0 + odd * 4.0) / rows), within(EPS));
  }

  @Test
  void globalMean_tinySets_matchesHandComputedErrors() {
    RatingMetrics metrics = RatingEvaluator.globalMean(train(), test());

    // mean 3.5 against 4, 5, 2, 1
    assertThat(metrics.count()).isEqualTo(4);
    assertThat(metrics.rmse()).isCloseTo(Math.sqrt((0.25 + 2.25 + 2.25 + 6.25) / 4), within(EPS));
    assertThat(metrics.mae()).isCloseTo((0.5 + 1.5 + 1.5 + 2.5) / 4, within(EPS));
    assertThat(metrics.coldPairs()).isEqualTo(2);
    assertThat(metrics.coldRmse()).isCloseTo(Math.sqrt((2.25 + 6.25) / 2), within(EPS));
  }

  @Test
  void globalMean_idKnownToIndexButWithoutTrainingRow_countsAsCold() {
    RatingDataset all =
        new RatingsBuilder(RatingScale.WHOLE_STARS).add(1, 1, 4, 0).add(2, 2, 2, 0).build();
    RatingDataset trainView = all.select(new int[] {0});
    RatingDataset testView = all.select(new int[] {1});

    RatingMetrics metrics = RatingEvaluator.globalMean(trainView, testView);

    assertThat(metrics.coldPairs()).isEqualTo(1);
    assertThat(metrics.rmse()).isCloseTo(2.0, within(EPS));
  }

  @Test
  void globalMean_emptyTraining_throws() {
    assertThatThrownBy(
            () ->
                RatingEvaluator.globalMean(
                    new RatingsBuilder(RatingScale.WHOLE_STARS).build(), test()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("training set is empty");
  }

  @Test
  void ratingMetrics_errorWithoutPairs_isRejected() {
    assertThatThrownBy(() -> new RatingMetrics(0, 1.0, Double.NaN, 0, Double.NaN, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rmse");
  }
}
