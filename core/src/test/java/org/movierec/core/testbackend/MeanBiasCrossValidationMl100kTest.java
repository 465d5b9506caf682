package org.movierec.core.testbackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.eval.CrossValidation;
import org.movierec.core.eval.CrossValidationReport;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.core.eval.Evaluator;
import org.movierec.core.eval.Fold;
import org.movierec.core.eval.RatingEvaluator;
import org.movierec.core.testdata.SharedDatasets;

/**
 * Cross-validates the bias estimate on ml-100k's predefined folds u1..u5, a known reference point
 * (about 0.944 RMSE), so that the metrics are checked on real data as well as on hand-made cases.
 */
class MeanBiasCrossValidationMl100kTest {

  @Test
  void crossValidate_predefinedFolds_landsNearTheKnownBiasBaseline() throws IOException {
    List<Fold> folds = new ArrayList<>();
    for (int fold = 1; fold <= 5; fold++) {
      folds.add(SharedDatasets.ml100kFold(fold));
    }

    CrossValidationReport report =
        new CrossValidation(
                MeanBiasTestTrainer::new,
                TrainingConfig.defaults(),
                new Evaluator(EvaluationOptions.DEFAULTS.withThreads(2)))
            .run(folds);

    assertThat(report.meanRmse()).isCloseTo(0.946, within(0.005));
    assertThat(report.stdRmse()).isBetween(0.001, 0.02);
    assertThat(report.meanMae()).isCloseTo(0.750, within(0.005));
    for (int i = 0; i < folds.size(); i++) {
      double globalMean =
          RatingEvaluator.globalMean(folds.get(i).train(), folds.get(i).test()).rmse();
      assertThat(report.folds().get(i).rmse()).isLessThan(globalMean - 0.1);
      assertThat(report.folds().get(i).metrics().rating().coldPairs()).isPositive();
    }
    assertThat(report.meanPrecision()).isBetween(0.0, 1.0);
    assertThat(report.meanCoverage()).isBetween(0.0, 1.0);
  }
}
