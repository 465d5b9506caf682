package org.movierec.backend.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.model.Model;

/** The baseline on the real ml-100k folds lands near Surprise's BaselineOnly (RMSE 0.944). */
class BaselineMl100kTest {

  private static Path ml100k() {
    Path shared = Path.of(System.getProperty("movierec.shared.dir", "../../shared"));
    Path dir = shared.resolve("datasets/ml-100k");
    Assumptions.assumeTrue(
        Files.isRegularFile(dir.resolve("u1.base")),
        "ml-100k not found at " + dir.toAbsolutePath() + "; skipping the real-data check");
    return dir;
  }

  @Test
  void crossValidation_predefinedFolds_rmseNearPublishedBaseline() throws IOException {
    Path dir = ml100k();
    double sum = 0;
    for (int fold = 1; fold <= 5; fold++) {
      ColumnarRatings train = readTabs(dir.resolve("u" + fold + ".base"));
      ColumnarRatings test = readTabs(dir.resolve("u" + fold + ".test"));
      try (Model model = new BaselineTrainer().train(train, TrainingConfig.defaults())) {
        int[] users = new int[test.size()];
        int[] movies = new int[test.size()];
        for (int row = 0; row < test.size(); row++) {
          users[row] = test.rawUserId(row);
          movies[row] = test.rawMovieId(row);
        }
        float[] predicted = model.predict(users, movies);
        double squares = 0;
        for (int row = 0; row < test.size(); row++) {
          double error = predicted[row] - test.rating(row);
          squares += error * error;
        }
        sum += Math.sqrt(squares / test.size());
      }
    }
    assertThat(sum / 5).isCloseTo(0.944, within(0.006));
  }

  /** Reads {@code user TAB movie TAB rating TAB time} lines; the data module owns real parsing. */
  private static ColumnarRatings readTabs(Path file) throws IOException {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS, 80_000);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] fields = line.split("\t");
        builder.add(
            Integer.parseInt(fields[0]),
            Integer.parseInt(fields[1]),
            Float.parseFloat(fields[2]),
            Long.parseLong(fields[3]));
      }
    }
    return builder.build();
  }
}
