package org.movierec.backend.djl.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.movierec.backend.djl.DjlTrainer;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.model.Model;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingSummary;
import org.movierec.model.Presets;

/**
 * Trains the seed recipe on ml-100k u1.base and reports training samples/s, test RMSE on u1.test,
 * batched prediction throughput and top-10 latency, in the same form as {@code seed_reference.py}.
 * Arguments: {@code [ML100K_DIR] [EPOCHS=50] [THREADS=0]}.
 */
public final class SeedThroughputBench {

  private SeedThroughputBench() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/datasets/ml-100k");
    String epochs = args.length > 1 ? args[1] : "50";
    String threads = args.length > 2 ? args[2] : "0";
    ColumnarRatings train = read(dir.resolve("u1.base"));
    ColumnarRatings test = read(dir.resolve("u1.test"));
    TrainingConfig config =
        TrainingConfig.builder()
            .setAll(Presets.SEED.settings())
            .set("epochs", epochs)
            .set("threads", threads)
            .build();
    TrainingListener progress =
        new TrainingListener() {
          @Override
          public void onEpochEnd(EpochReport report) {
            System.out.printf(
                Locale.ROOT,
                "epoch %d train_rmse %.4f epoch_s %.3f samples/s %.0f%n",
                report.epoch() - 1,
                report.trainLoss(),
                report.epochSeconds(),
                report.samplesPerSecond());
          }
        };
    try (Model model = new DjlTrainer().train(train, Optional.empty(), config, progress)) {
      TrainingSummary summary = model.info().summary();
      double rmse = rmse(model, test);
      System.out.printf(
          Locale.ROOT,
          "total_train_s %.2f final_test_rmse %.4f samples_per_s %.0f%n",
          summary.trainSeconds(),
          rmse,
          summary.samplesPerSecond());
    }
  }

  static double rmse(Model model, ColumnarRatings test) {
    int n = test.size();
    int[] users = new int[n];
    int[] movies = new int[n];
    for (int row = 0; row < n; row++) {
      users[row] = test.rawUserId(row);
      movies[row] = test.rawMovieId(row);
    }
    float[] predicted = model.predict(users, movies);
    double sum = 0;
    for (int row = 0; row < n; row++) {
      double error = predicted[row] - test.rating(row);
      sum += error * error;
    }
    return Math.sqrt(sum / n);
  }

  /** Reads a tab-separated {@code user item rating timestamp} file. */
  static ColumnarRatings read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS, lines.size());
    for (String line : lines) {
      String[] fields = line.split("\t");
      builder.add(
          Integer.parseInt(fields[0]),
          Integer.parseInt(fields[1]),
          Float.parseFloat(fields[2]),
          Long.parseLong(fields[3]));
    }
    return builder.build();
  }
}
