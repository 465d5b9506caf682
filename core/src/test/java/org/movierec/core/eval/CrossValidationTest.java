package org.movierec.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.training.TrainingSummary;

class CrossValidationTest {

  private static final TrainingConfig CONFIG = TrainingConfig.builder().set("seed", "42").build();
  private static final Evaluator EVALUATOR =
      new Evaluator(EvaluationOptions.DEFAULTS.withK(3).withThreads(2));

  /** 30 users by 12 movies, 60% of pairs rated, dealt round-robin into three folds. */
  private static List<Fold> threeFolds() {
    Random random = new Random(3);
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    for (int user = 1; user <= 30; user++) {
      for (int movie = 1; movie <= 12; movie++) {
        if (random.nextDouble() < 0.6) {
          builder.add(user, movie, 1 + random.nextInt(5), 0);
        }
      }
    }
    RatingDataset all = builder.build();
    List<Fold> folds = new ArrayList<>();
    for (int fold = 0; fold < 3; fold++) {
      int f = fold;
      int[] test = IntStream.range(0, all.size()).filter(row -> row % 3 == f).toArray();
      int[] train = IntStream.range(0, all.size()).filter(row -> row % 3 != f).toArray();
      folds.add(new Fold(fold + 1, all.select(train), all.select(test)));
    }
    return folds;
  }

  @Test
  void run_spyTrainer_neverReceivesAFoldsTestRatings() {
    SpyTrainer spy = new SpyTrainer();
    List<Fold> folds = threeFolds();

    new CrossValidation(() -> spy, CONFIG, EVALUATOR).run(folds);

    assertThat(spy.trainPairs).hasSize(3);
    for (int i = 0; i < folds.size(); i++) {
      assertThat(spy.trainPairs.get(i))
          .hasSize(folds.get(i).train().size())
          .doesNotContainAnyElementsOf(SpyTrainer.pairsOf(folds.get(i).test()));
    }
    assertThat(spy.validationGiven).containsOnly(false);
  }

  @Test
  void run_eachFold_trainsAFreshTrainerAndClosesItsModel() {
    SpyTrainer spy = new SpyTrainer();
    AtomicInteger trainers = new AtomicInteger();

    new CrossValidation(
            () -> {
              trainers.incrementAndGet();
              return spy;
            },
            CONFIG,
            EVALUATOR)
        .run(threeFolds());

    assertThat(trainers).hasValue(3);
    assertThat(spy.closes).isEqualTo(3);
  }

  @Test
  void run_evaluationFails_stillClosesTheModel() {
    RatingDataset all =
        new RatingsBuilder(RatingScale.WHOLE_STARS).add(1, 1, 4, 0).add(2, 1, 3, 0).build();
    Fold coldUser = new Fold(1, all.select(new int[] {0}), all.select(new int[] {1}));
    TrainingConfig strict = CONFIG.toBuilder().set(Keys.COLD_START, ColdStartPolicy.ERROR).build();
    SpyTrainer spy = new SpyTrainer();

    assertThatThrownBy(
            () -> new CrossValidation(() -> spy, strict, EVALUATOR).run(List.of(coldUser)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user 2");
    assertThat(spy.closes).isEqualTo(1);
  }

  @Test
  void run_foldWhoseTestRepeatsATrainingPair_failsBeforeAnyTraining() {
    List<Fold> folds = new ArrayList<>(threeFolds());
    Fold clean = folds.get(1);
    folds.set(1, new Fold(2, clean.train(), clean.train().select(new int[] {0})));
    SpyTrainer spy = new SpyTrainer();

    assertThatThrownBy(() -> new CrossValidation(() -> spy, CONFIG, EVALUATOR).run(folds))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fold 2: 1 training ratings repeat a test pair")
        .hasMessageContaining("user " + clean.train().rawUserId(0));
    assertThat(spy.trainPairs).isEmpty();
  }

  @Test
  void run_duplicateFoldNumbers_areRejected() {
    Fold fold = threeFolds().get(0);

    assertThatThrownBy(
            () -> new CrossValidation(SpyTrainer::new, CONFIG, EVALUATOR).run(List.of(fold, fold)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fold number 1 appears twice");
  }

  @Test
  void run_noFolds_isRejected() {
    assertThatThrownBy(() -> new CrossValidation(SpyTrainer::new, CONFIG, EVALUATOR).run(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one fold");
  }

  @Test
  void run_folds_reportsEachFoldsMetricsInOrder() {
    List<Fold> folds = threeFolds();
    List<Integer> ended = new ArrayList<>();

    CrossValidationReport report =
        new CrossValidation(SpyTrainer::new, CONFIG, EVALUATOR)
            .run(
                folds,
                new CrossValidation.Listener() {
                  @Override
                  public void onFoldEnd(FoldResult result) {
                    ended.add(result.fold());
                  }
                });

    assertThat(ended).containsExactly(1, 2, 3);
    assertThat(report.backend()).isEqualTo("table");
    assertThat(report.config()).isEqualTo(CONFIG.toTextMap());
    assertThat(report.evaluation()).isEqualTo(EVALUATOR.options());
    for (int i = 0; i < folds.size(); i++) {
      Fold fold = folds.get(i);
      FoldResult result = report.folds().get(i);
      EvaluationReport expected =
          EVALUATOR.evaluate(new SpyTrainer().train(fold.train(), CONFIG), fold.test());
      assertThat(result.fold()).isEqualTo(i + 1);
      assertThat(result.trainRatings()).isEqualTo(fold.train().size());
      assertThat(result.testRatings()).isEqualTo(fold.test().size());
      assertThat(result.metrics()).isEqualTo(expected);
    }
  }

  @Test
  void run_sameInputsTwice_givesEqualReports() {
    CrossValidationReport first =
        new CrossValidation(SpyTrainer::new, CONFIG, EVALUATOR).run(threeFolds());
    CrossValidationReport second =
        new CrossValidation(SpyTrainer::new, CONFIG, EVALUATOR).run(threeFolds());

    assertThat(second).isEqualTo(first);
  }

  @Test
  void report_threeFolds_givesMeanAndSampleStandardDeviation() {
    CrossValidationReport report = reportWithRmses(1.0, 2.0, 4.0);

    assertThat(report.meanRmse()).isCloseTo(7 / 3.0, within(1e-12));
    // deviations -4/3, -1/3, 5/3: (16 + 1 + 25) / 9 / (3 - 1) = 7/3
    assertThat(report.stdRmse()).isCloseTo(Math.sqrt(7 / 3.0), within(1e-12));
    assertThat(report.meanMae()).isCloseTo(0.5, within(1e-12));
    assertThat(report.stdMae()).isCloseTo(0.0, within(1e-12));
    assertThat(report.meanPrecision()).isCloseTo(0.2, within(1e-12));
    assertThat(report.meanCoverage()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void report_oneFold_hasNoStandardDeviation() {
    CrossValidationReport report = reportWithRmses(1.0);

    assertThat(report.meanRmse()).isEqualTo(1.0);
    assertThat(report.stdRmse()).isNaN();
  }

  @Test
  void report_toJson_carriesTheIssuesFieldsAndReadsBackEqual() throws Exception {
    ObjectMapper json = new ObjectMapper();
    CrossValidationReport report =
        new CrossValidation(SpyTrainer::new, CONFIG, EVALUATOR).run(threeFolds());

    String text = json.writeValueAsString(report);
    JsonNode tree = json.readTree(text);

    assertThat(tree.path("backend").asText()).isEqualTo("table");
    assertThat(tree.path("folds")).hasSize(3);
    assertThat(tree.path("folds").get(0).path("rmse").asDouble())
        .isEqualTo(report.folds().get(0).rmse());
    assertThat(tree.path("folds").get(0).has("mae")).isTrue();
    assertThat(tree.path("mean_rmse").asDouble()).isEqualTo(report.meanRmse());
    assertThat(tree.path("std_rmse").asDouble()).isEqualTo(report.stdRmse());
    assertThat(tree.path("mean_mae").asDouble()).isEqualTo(report.meanMae());
    for (String name : List.of("precision", "recall", "ndcg", "map", "hit_rate", "coverage")) {
      assertThat(tree.has("mean_" + name)).as("mean_" + name).isTrue();
      assertThat(tree.path("mean_most_rated").has(name)).as("mean_most_rated." + name).isTrue();
      assertThat(tree.path("mean_best_rated").has(name)).as("mean_best_rated." + name).isTrue();
    }
    double mostRatedNdcg =
        report.folds().stream()
            .mapToDouble(fold -> fold.metrics().popularity().mostRated().ndcg())
            .average()
            .orElseThrow();
    assertThat(tree.path("mean_most_rated").path("ndcg").asDouble()).isEqualTo(mostRatedNdcg);
    assertThat(tree.path("config").path("seed").asText()).isEqualTo("42");
    assertThat(json.readValue(text, CrossValidationReport.class)).isEqualTo(report);
  }

  private static CrossValidationReport reportWithRmses(double... rmses) {
    List<FoldResult> folds = new ArrayList<>();
    for (int i = 0; i < rmses.length; i++) {
      RatingMetrics rating = new RatingMetrics(10, rmses[i], 0.5, 0, Double.NaN, Double.NaN);
      RankingMetrics ranking = new RankingMetrics(10, 4.0, 5, 1, 0.2, 0.3, 0.4, 0.1, 0.6, 0.5);
      folds.add(
          new FoldResult(
              i + 1,
              90,
              10,
              new EvaluationReport(rating, ranking, new PopularityMetrics(10, ranking, ranking)),
              new TrainingSummary(1, 1, 0.0, 90, List.of())));
    }
    return new CrossValidationReport(
        "table", CONFIG.toTextMap(), EvaluationOptions.DEFAULTS, folds);
  }
}
