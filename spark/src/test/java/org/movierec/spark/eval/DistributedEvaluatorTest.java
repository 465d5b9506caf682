package org.movierec.spark.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.core.eval.RankingEvaluator;
import org.movierec.core.eval.RankingMetrics;
import org.movierec.core.eval.RatingEvaluator;
import org.movierec.core.eval.RatingMetrics;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Model;
import org.movierec.spark.GeneratedFixture;
import org.movierec.spark.LocalSpark;
import org.movierec.spark.model.ShippedModel;

class DistributedEvaluatorTest {

  @RegisterExtension static final LocalSpark SPARK = new LocalSpark();

  /** Sums are added in another order than on one machine; nothing else may differ. */
  private static final double SAME = 1e-9;

  private static GeneratedFixture fixture;
  private static Model local;
  private static ShippedModel shipped;
  private static Dataset<Row> test;

  @BeforeAll
  static void setUp() throws Exception {
    fixture = GeneratedFixture.get();
    local = fixture.loadModel();
    shipped = ShippedModel.ship(SPARK.session(), fixture.modelFile, ColdStartPolicy.FALLBACK);
    test = GeneratedFixture.toSpark(SPARK.session(), fixture.test);
  }

  @AfterAll
  static void tearDown() {
    shipped.release();
    local.close();
  }

  @Test
  void ratings_overThePartitionsOfATestSet_equalCoresEvaluator() {
    RatingMetrics expected = RatingEvaluator.evaluate(local, fixture.test);

    RatingMetrics actual = DistributedEvaluator.ratings(shipped, test);

    assertThat(actual.count()).isEqualTo(expected.count()).isEqualTo(fixture.test.size());
    assertThat(actual.coldPairs()).isEqualTo(expected.coldPairs());
    assertThat(actual.rmse()).isCloseTo(expected.rmse(), within(SAME));
    assertThat(actual.mae()).isCloseTo(expected.mae(), within(SAME));
    if (expected.coldPairs() > 0) {
      assertThat(actual.coldRmse()).isCloseTo(expected.coldRmse(), within(SAME));
      assertThat(actual.coldMae()).isCloseTo(expected.coldMae(), within(SAME));
    }
  }

  @Test
  void ranking_overThePartitionsOfATestSet_equalsCoresEvaluator() {
    EvaluationOptions options = new EvaluationOptions(10, 4.0, 1);
    RankingMetrics expected = new RankingEvaluator(options).evaluate(local, fixture.test);

    RankingMetrics actual = DistributedEvaluator.ranking(shipped, test, options);

    assertThat(actual.users()).isEqualTo(expected.users()).isPositive();
    assertThat(actual.usersWithoutRelevant()).isEqualTo(expected.usersWithoutRelevant());
    assertThat(actual.precision()).isCloseTo(expected.precision(), within(SAME));
    assertThat(actual.recall()).isCloseTo(expected.recall(), within(SAME));
    assertThat(actual.ndcg()).isCloseTo(expected.ndcg(), within(SAME));
    assertThat(actual.map()).isCloseTo(expected.map(), within(SAME));
    assertThat(actual.hitRate()).isCloseTo(expected.hitRate(), within(SAME));
    assertThat(actual.coverage()).isEqualTo(expected.coverage());
  }
}
