package org.movierec.backend.djl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.movierec.backend.djl.DjlTrainer;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.eval.RatingEvaluator;
import org.movierec.core.model.Model;
import org.movierec.core.testdata.SharedDatasets;
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
    ColumnarRatings train = SharedDatasets.readRatings(dir.resolve("u1.base"));
    ColumnarRatings test = SharedDatasets.readRatings(dir.resolve("u1.test"));
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
                "epoch %d train_rmse %.4f epoch_s %.3f samples/s %.0f rss_mib %.1f%n",
                report.epoch() - 1,
                report.trainLoss(),
                report.epochSeconds(),
                report.samplesPerSecond(),
                residentMib());
          }
        };
    try (Model model = new DjlTrainer().train(train, Optional.empty(), config, progress)) {
      TrainingSummary summary = model.info().summary();
      double rmse = RatingEvaluator.evaluate(model, test).rmse();
      System.out.printf(
          Locale.ROOT,
          "total_train_s %.2f final_test_rmse %.4f samples_per_s %.0f%n",
          summary.trainSeconds(),
          rmse,
          summary.samplesPerSecond());
      predictionThroughput(model, train);
      topTenLatency(model, train);
    }
  }

  /** Scores 1M random known pairs per call, ten calls, after warming up. */
  private static void predictionThroughput(Model model, ColumnarRatings train) {
    int n = 1_000_000;
    int[] users = new int[n];
    int[] movies = new int[n];
    java.util.Random random = new java.util.Random(1);
    for (int i = 0; i < n; i++) {
      users[i] = train.users().rawId(random.nextInt(train.users().size()));
      movies[i] = train.movies().rawId(random.nextInt(train.movies().size()));
    }
    for (int warm = 0; warm < 3; warm++) {
      model.predict(users, movies);
    }
    double before = residentMib();
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 10; round++) {
      long start = System.nanoTime();
      model.predict(users, movies);
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    System.out.printf(
        Locale.ROOT,
        "predict_pairs_per_s %.0f (1M pairs per call, best of 10) rss_mib_before %.1f"
            + " rss_mib_after_10M_predictions %.1f%n",
        n / best,
        before,
        residentMib());
  }

  /** Times recommend(user, 10) over all movies for every user, after warming up. */
  private static void topTenLatency(Model model, ColumnarRatings train) {
    int users = train.users().size();
    for (int warm = 0; warm < 3; warm++) {
      for (int u = 0; u < users; u++) {
        model.recommend(train.users().rawId(u), 10);
      }
    }
    long[] micros = new long[users];
    for (int u = 0; u < users; u++) {
      long start = System.nanoTime();
      model.recommend(train.users().rawId(u), 10);
      micros[u] = (System.nanoTime() - start) / 1000;
    }
    java.util.Arrays.sort(micros);
    System.out.printf(
        Locale.ROOT,
        "top10_latency_us median %d p99 %d max %d (%d users, %d movies each)%n",
        micros[users / 2],
        micros[users * 99 / 100],
        micros[users - 1],
        users,
        model.movies().size());
  }

  /** The process's resident set size in MiB, from /proc/self/status; NaN elsewhere. */
  static double residentMib() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}
