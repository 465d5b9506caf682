package org.movierec.backend.djl.bench;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.movierec.backend.djl.DjlTrainer;
import org.movierec.core.config.Keys;
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
 * Trains the seed recipe and reports training samples/s and test RMSE in the form of {@code
 * ../shared/bench/seed_reference.py}, for side-by-side runs (BENCHMARKS.md, {@code
 * scripts/seed-bench.sh}). Arguments, as the reference's: {@code TRAIN TEST [EPOCHS=50]
 * [THREADS=0]}, then optionally settings over the seed preset, {@code key=value} separated by
 * spaces (such as {@code training_step=jvm}).
 *
 * <p>Same scope as the reference: an epoch's time covers its shuffle, the gather of the shuffled
 * ratings and every batch's forward, loss, backward and optimizer step, and not the test
 * evaluation. Same tables: the embeddings have one row per distinct training id, which equals the
 * reference's {@code max id + 1} on the densely renumbered files the script gives both programs. It
 * prints its own libtorch version and thread counts first.
 */
public final class SeedThroughputBench {

  private SeedThroughputBench() {}

  /** Runs the benchmark. */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException(
          "usage: SeedThroughputBench TRAIN TEST [EPOCHS] [THREADS]");
    }
    ColumnarRatings train = SharedDatasets.readRatings(Path.of(args[0]));
    ColumnarRatings test = SharedDatasets.readRatings(Path.of(args[1]));
    String epochs = args.length > 2 ? args[2] : "50";
    String threads = args.length > 3 ? args[3] : "0";
    TrainingConfig.Builder builder =
        TrainingConfig.builder()
            .setAll(Presets.SEED.settings())
            .set("epochs", epochs)
            .set("threads", threads);
    for (int i = 4; i < args.length; i++) {
      for (String setting : args[i].trim().split("\\s+")) {
        if (!setting.isEmpty()) {
          String[] keyValue = setting.split("=", 2);
          if (keyValue.length != 2) {
            throw new IllegalArgumentException(
                "setting '" + setting + "' is not key=value, e.g. training_step=jvm");
          }
          builder.set(keyValue[0], keyValue[1]);
        }
      }
    }
    TrainingConfig config = builder.build();
    TrainingListener progress =
        new TrainingListener() {
          @Override
          public void onTrainingStart(TrainingStart start) {
            System.out.printf(
                Locale.ROOT,
                "side djl engine %s libtorch %s (DJL %s) intra_op_threads %d interop_threads %d"
                    + " tables users %d x 30 movies %d x 30 training_step %s%n",
                start.engine(),
                Engine.getEngine("PyTorch").getVersion(),
                Engine.getDjlVersion(),
                JniUtils.getNumThreads(),
                JniUtils.getNumInteropThreads(),
                train.users().size(),
                train.movies().size(),
                config.get(Keys.TRAINING_STEP).name().toLowerCase(Locale.ROOT));
          }

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
      System.out.printf(
          Locale.ROOT,
          "total_train_s %.2f final_test_rmse %.4f samples_per_s %.0f%n",
          summary.trainSeconds(),
          RatingEvaluator.evaluate(model, test).rmse(),
          summary.samplesPerSecond());
    }
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
