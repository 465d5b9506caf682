package org.movierec.backend.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.eval.Fold;
import org.movierec.core.eval.RatingEvaluator;
import org.movierec.core.model.Model;
import org.movierec.core.testdata.SharedDatasets;

/** The baseline on the real ml-100k folds lands near Surprise's BaselineOnly (RMSE 0.944). */
class BaselineMl100kTest {

  @Test
  void crossValidation_predefinedFolds_rmseNearPublishedBaseline() throws IOException {
    double sum = 0;
    for (int number = 1; number <= 5; number++) {
      Fold fold = SharedDatasets.ml100kFold(number);
      try (Model model = new BaselineTrainer().train(fold.train(), TrainingConfig.defaults())) {
        sum += RatingEvaluator.evaluate(model, fold.test()).rmse();
      }
    }
    assertThat(sum / 5).isCloseTo(0.944, within(0.006));
  }
}
