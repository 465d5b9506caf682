package org.movierec.app.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.movierec.app.config.PropertiesFile;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.SyntheticRatings;
import org.movierec.core.eval.Evaluator;
import org.movierec.core.eval.Fold;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.training.Trainer;
import org.movierec.core.training.TrainingException;

class TunerTest {

  private static final double FAILING_REG = 99;

  /** The baseline backend's trainer, except that it fails as a diverged run would for one value. */
  private static final Trainer TRAINER =
      (train, validation, config, listener) -> {
        if (config.get(Keys.BIAS_REG_USER) == FAILING_REG) {
          throw new TrainingException("the loss diverged at epoch 1");
        }
        return BackendRegistry.discover()
            .get("baseline")
            .newTrainer()
            .train(train, validation, config, listener);
      };

  private static final TrainingConfig BASE =
      TrainingConfig.builder().set("backend", "baseline").set("bias_iterations", "3").build();

  private static TrialPlan grid(String line) {
    String[] parts = line.split("=", 2);
    SearchSpace space =
        SearchSpace.of(
            "space.txt", List.of(new PropertiesFile.Entry(parts[0].strip(), parts[1].strip(), 1)));
    return TrialPlan.of(space, OptionalInt.empty(), 1);
  }

  private static List<Fold> parts() {
    SyntheticRatings ratings = SyntheticRatings.create();
    return List.of(new Fold(1, ratings.train(), ratings.test()));
  }

  @Test
  void run_recordsAFailedTrialAndGoesOnToTheNext() {
    Tuner tuner = new Tuner(() -> TRAINER, BASE, new Evaluator());

    List<TrialResult> results =
        tuner.run(grid("bias_reg_user = 5, 99, 20"), parts(), Tuner.Listener.NONE);

    assertThat(results).extracting(TrialResult::succeeded).containsExactly(true, false, true);
    assertThat(results.get(1).failure()).contains("the loss diverged at epoch 1");
    assertThat(results.get(1).validationRmse()).isNaN();
    assertThat(results.get(0).validationRmse()).isBetween(0.1, 3.0);
    TrialResult best = Tuner.best(results).orElseThrow();
    assertThat(best.validationRmse())
        .isEqualTo(Math.min(results.get(0).validationRmse(), results.get(2).validationRmse()));
  }

  @Test
  void best_ndcgObjective_keepsTheHighestValidationNdcgOfTheTrialsThatFinished() {
    Tuner tuner = new Tuner(() -> TRAINER, BASE, new Evaluator());

    List<TrialResult> results =
        tuner.run(grid("bias_reg_user = 0, 99, 5, 500"), parts(), Tuner.Listener.NONE);

    double highest =
        results.stream()
            .filter(TrialResult::succeeded)
            .mapToDouble(t -> t.score(TuneObjective.NDCG))
            .max()
            .orElseThrow();
    TrialResult best = Tuner.best(results, TuneObjective.NDCG).orElseThrow();
    assertThat(best.score(TuneObjective.NDCG)).isEqualTo(highest);
    assertThat(results.get(1).score(TuneObjective.NDCG)).isNaN();
    assertThat(best.partScores(TuneObjective.NDCG)).containsExactly(highest);
  }

  @Test
  void parse_objectiveWords_readsBothAndRejectsOthersNamingThem() {
    assertThat(TuneObjective.parse("NDCG")).isEqualTo(TuneObjective.NDCG);
    assertThat(TuneObjective.parse("rmse")).isEqualTo(TuneObjective.RMSE);
    assertThat(TuneObjective.NDCG.label(10)).isEqualTo("validation NDCG@10");
    assertThatThrownBy(() -> TuneObjective.parse("map"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rmse, ndcg");
  }

  @Test
  void configOf_putsTheTrialSettingsOverTheBase() {
    Tuner tuner = new Tuner(() -> TRAINER, BASE, new Evaluator());

    TrainingConfig config = tuner.configOf(Map.of("bias_reg_user", "7"));

    assertThat(config.get(Keys.BIAS_REG_USER)).isEqualTo(7.0);
    assertThat(config.get(Keys.BIAS_ITERATIONS)).isEqualTo(3);
    assertThat(config.backend()).isEqualTo("baseline");
  }

  @Test
  void run_inconsistentTrial_isRejectedBeforeAnyTraining() {
    Tuner tuner =
        new Tuner(
            () -> {
              throw new AssertionError("no trial may train");
            },
            TrainingConfig.builder()
                .set("early_stopping_patience", "3")
                .set("validation_fraction", "0.1")
                .build(),
            new Evaluator());

    assertThatThrownBy(
            () -> tuner.run(grid("validation_fraction = 0.1, 0"), parts(), Tuner.Listener.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("validation_fraction=0")
        .hasMessageContaining("needs a validation set");
  }

  @Test
  void best_tiesGoToTheEarlierTrial_andAllFailedIsEmpty() {
    Tuner tuner = new Tuner(() -> TRAINER, BASE, new Evaluator());
    List<TrialResult> results =
        tuner.run(grid("bias_reg_user = 30, 5, 5.0"), parts(), Tuner.Listener.NONE);

    assertThat(results.get(1).validationRmse()).isEqualTo(results.get(2).validationRmse());
    assertThat(Tuner.best(results).orElseThrow().number()).isEqualTo(2);
    TrialResult failed =
        new TrialResult(1, Map.of(), java.util.Optional.empty(), java.util.Optional.of("x"), 1);
    assertThat(Tuner.best(List.of(failed))).isEmpty();
  }

  @Test
  void best_byNdcg_choosesAListKeyThatTheRmseCannotTellApart() {
    Trainer ease = BackendRegistry.discover().get("ease").newTrainer();
    Tuner tuner =
        new Tuner(
            () -> ease, TrainingConfig.builder().set("backend", "ease").build(), new Evaluator());

    List<TrialResult> results =
        tuner.run(grid("lambda = 100000, 20, 2000"), parts(), Tuner.Listener.NONE);

    assertThat(results)
        .extracting(TrialResult::validationRmse)
        .as("lambda changes the lists, never the rating estimate")
        .containsOnly(results.get(0).validationRmse());
    double[] ndcg = results.stream().mapToDouble(TrialResult::validationNdcg).toArray();
    assertThat(ndcg).doesNotHaveDuplicates();
    double highest = Math.max(ndcg[0], Math.max(ndcg[1], ndcg[2]));
    assertThat(Tuner.best(results, TuneObjective.NDCG).orElseThrow().validationNdcg())
        .isEqualTo(highest);
    assertThat(Tuner.best(results).orElseThrow().number()).as("RMSE ties: the first").isEqualTo(1);
  }
}
