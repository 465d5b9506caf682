package org.movierec.backend.ease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.core.eval.Fold;
import org.movierec.core.eval.RankingEvaluator;
import org.movierec.core.eval.RankingMetrics;
import org.movierec.core.model.Model;
import org.movierec.core.testdata.SharedDatasets;

/**
 * EASE with its default lambda on ml-100k's five predefined folds, under the protocol {@code cv
 * --predefined} uses (candidates = every training movie the user did not rate, relevant = test
 * rating >= 4, k = 10): it holds the NDCG@10 floor of 0.37 and reproduces the independent
 * numpy computation of ../shared/bench/ranking_anchors.py (NDCG@10 0.3854, precision 0.2920).
 */
class EaseMl100kTest {

  @Test
  void crossValidation_predefinedFolds_reproducesTheNumpyAnchorAboveTheFloor() throws IOException {
    RankingEvaluator evaluator = new RankingEvaluator(EvaluationOptions.DEFAULTS.withThreads(2));
    double ndcg = 0;
    double precision = 0;
    for (int number = 1; number <= 5; number++) {
      Fold fold = SharedDatasets.ml100kFold(number);
      try (Model model = new EaseTrainer().train(fold.train(), TrainingConfig.defaults())) {
        RankingMetrics metrics = evaluator.evaluate(model, fold.test());
        ndcg += metrics.ndcg() / 5;
        precision += metrics.precision() / 5;
      }
    }
    assertThat(ndcg).isGreaterThanOrEqualTo(0.37).isCloseTo(0.3854, within(0.001));
    assertThat(precision).isCloseTo(0.2920, within(0.001));
  }
}
