package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.Model;
import org.movierec.core.training.TrainingListener;

class DjlTrainerTest {

  @Test
  void train_tinyDataset_beatsGlobalMean() {
    ColumnarRatings all = SyntheticRatings.generate(60, 40, 25, 7);
    int[][] split = DjlTrainingData.split(all.size(), 0.2, 3);
    RatingDataset train = all.select(split[0]);
    RatingDataset test = all.select(split[1]);
    TrainingConfig config =
        TrainingConfig.builder()
            .set("epochs", "40")
            .set("batch_size", "32")
            .set("learning_rate", "0.01")
            .build();
    try (Model model =
        new DjlTrainer().train(train, Optional.empty(), config, TrainingListener.NONE)) {
      double mean = train.meanRating();
      double meanSq = 0;
      double modelSq = 0;
      for (int row = 0; row < test.size(); row++) {
        float predicted = model.predict(test.rawUserId(row), test.rawMovieId(row));
        modelSq += Math.pow(predicted - test.rating(row), 2);
        meanSq += Math.pow(mean - test.rating(row), 2);
      }
      double modelRmse = Math.sqrt(modelSq / test.size());
      double meanRmse = Math.sqrt(meanSq / test.size());
      System.out.println("model " + modelRmse + " mean " + meanRmse);
      assertThat(modelRmse).isLessThan(meanRmse * 0.8);
    }
  }
}
