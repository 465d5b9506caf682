package org.movierec.spark.als;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.core.eval.RankingEvaluator;
import org.movierec.core.eval.RankingMetrics;
import org.movierec.core.eval.RatingEvaluator;
import org.movierec.core.eval.RatingMetrics;
import org.movierec.core.model.Model;
import org.movierec.spark.GeneratedFixture;
import org.movierec.spark.LocalSpark;

class AlsComparisonTest {

  @RegisterExtension static final LocalSpark SPARK = new LocalSpark();

  private static GeneratedFixture fixture;
  private static Dataset<Row> train;
  private static Dataset<Row> test;
  private static AlsComparison.Trained trained;

  @BeforeAll
  static void setUp() {
    fixture = GeneratedFixture.get();
    train = GeneratedFixture.toSpark(SPARK.session(), fixture.train).cache();
    test = GeneratedFixture.toSpark(SPARK.session(), fixture.test).cache();
    trained = AlsComparison.train(train, new AlsSettings(8, 5, 0.1, 42));
  }

  @Test
  void ratings_onLatentFactorData_beatTheGlobalMeanOverEveryTestPair() {
    RatingMetrics mean = RatingEvaluator.globalMean(fixture.train, fixture.test);

    RatingMetrics als = AlsComparison.ratings(trained, test, fixture.train.scale());

    assertThat(als.count()).isEqualTo(fixture.test.size());
    assertThat(als.coldPairs()).isEqualTo(mean.coldPairs());
    assertThat(als.rmse()).isLessThan(mean.rmse());
  }

  @Test
  void ranking_measuresTheSameUsersAsCoresEvaluator_withoutTrainingMovies() throws Exception {
    EvaluationOptions options = new EvaluationOptions(10, 4.0, 1);
    RankingMetrics expected;
    try (Model model = fixture.loadModel()) {
      expected = new RankingEvaluator(options).evaluate(model, fixture.test);
    }

    RankingMetrics als = AlsComparison.ranking(trained, train, test, options);

    assertThat(als.users()).isEqualTo(expected.users());
    assertThat(als.usersWithoutRelevant()).isEqualTo(expected.usersWithoutRelevant());
    assertThat(als.precision()).isBetween(0.0, 1.0);
    assertThat(als.coverage()).isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
  }

  @Test
  void ranking_whenEveryTestMovieWasAlsoRatedInTraining_findsNone() {
    EvaluationOptions options = new EvaluationOptions(10, 0.0, 1);
    Dataset<Row> someUsersTraining = train.filter(col("user").leq(20));

    RankingMetrics als = AlsComparison.ranking(trained, train, someUsersTraining, options);

    assertThat(als.users()).isEqualTo(20);
    assertThat(als.hitRate()).isZero();
  }
}
