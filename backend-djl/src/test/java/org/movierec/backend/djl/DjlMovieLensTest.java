package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.movierec.backend.djl.bench.SeedThroughputBench;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.model.Model;
import org.movierec.model.Presets;

/**
 * A short run of the seed recipe on the real ml-100k u1 split; the full 50 epochs and the
 * comparison with the PyTorch reference are the benchmark's job (BENCHMARKS.md).
 */
class DjlMovieLensTest {

  @Test
  void seedRecipe_threeEpochsOnU1_beatsGlobalMeanClearly() throws IOException {
    Path dir = Path.of(System.getProperty("movierec.shared.dir", "../shared"), "datasets/ml-100k");
    Assumptions.assumeTrue(
        Files.isRegularFile(dir.resolve("u1.base")),
        "ml-100k is not at " + dir.toAbsolutePath() + "; see ../shared/datasets/README.md");
    ColumnarRatings train = SeedThroughputBench.read(dir.resolve("u1.base"));
    ColumnarRatings test = SeedThroughputBench.read(dir.resolve("u1.test"));
    TrainingConfig config =
        TrainingConfig.builder().setAll(Presets.SEED.settings()).set("epochs", "3").build();
    try (Model model = new DjlTrainer().train(train, config)) {
      double mean = train.meanRating();
      double meanSquares = 0;
      for (int row = 0; row < test.size(); row++) {
        meanSquares += Math.pow(mean - test.rating(row), 2);
      }
      double meanRmse = Math.sqrt(meanSquares / test.size());
      assertThat(SeedThroughputBench.rmse(model, test))
          .isLessThan(1.06)
          .isLessThan(meanRmse - 0.08);
    }
  }
}
