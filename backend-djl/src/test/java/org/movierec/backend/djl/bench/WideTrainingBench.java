package org.movierec.backend.djl.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.movierec.backend.djl.DjlTrainer;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.model.Model;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.TrainingListener;
import org.movierec.model.Presets;

/**
 * Training cost against the width of the embedding tables, in the form of {@code
 * wide_reference.py}: the seed network on uniformly random (user, movie, rating) triples over a
 * given number of users and movies, timed per epoch (shuffle included), with the CPU time per
 * rating of the training thread and of the whole process beside the wall time, since on a loaded
 * machine the CPU times stay comparable when wall times do not. After each epoch it collects
 * garbage and prints the heap in use: all the run holds then, the input ratings included.
 * Arguments: {@code USERS MOVIES RATINGS [EPOCHS=1] [key=value ...]}, the keys applied over the
 * {@code seed} preset (e.g. {@code embedding_optimizer=lazy batch_size=1024 threads=2}).
 */
public final class WideTrainingBench {

  private WideTrainingBench() {}

  /** Runs the benchmark. */
  public static void main(String[] args) {
    int users = Integer.parseInt(args[0]);
    int movies = Integer.parseInt(args[1]);
    int ratings = Integer.parseInt(args[2]);
    String epochs = args.length > 3 ? args[3] : "1";
    TrainingConfig.Builder builder =
        TrainingConfig.builder().setAll(Presets.SEED.settings()).set("epochs", epochs);
    for (int i = 4; i < args.length; i++) {
      String[] keyValue = args[i].split("=", 2);
      builder.set(keyValue[0], keyValue[1]);
    }
    TrainingConfig config = builder.build();
    ColumnarRatings data = randomRatings(users, movies, ratings, 1);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean system =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long[] cpuAtEpochStart = {0, 0};
    TrainingListener progress =
        new TrainingListener() {
          @Override
          public void onTrainingStart(TrainingStart start) {
            cpuAtEpochStart[0] = threads.getCurrentThreadCpuTime();
            cpuAtEpochStart[1] = system.getProcessCpuTime();
          }

          @Override
          public void onEpochEnd(EpochReport report) {
            long cpu = threads.getCurrentThreadCpuTime();
            long processCpu = system.getProcessCpuTime();
            System.out.printf(
                Locale.ROOT,
                "epoch %d loss %.4f epoch_s %.2f ratings_per_s %.0f cpu_us_per_rating: training"
                    + " thread %.2f, process %.2f%n",
                report.epoch(),
                report.trainLoss(),
                report.epochSeconds(),
                report.samplesPerSecond(),
                (cpu - cpuAtEpochStart[0]) / 1e3 / report.samples(),
                (processCpu - cpuAtEpochStart[1]) / 1e3 / report.samples());
            cpuAtEpochStart[0] = cpu;
            cpuAtEpochStart[1] = processCpu;
            System.gc();
            System.out.printf(
                Locale.ROOT,
                "heap used after a full collection %.1f MiB = %.1f bytes per training rating%n",
                usedHeap() / 1048576.0,
                (double) usedHeap() / report.samples());
          }
        };
    System.out.printf(
        Locale.ROOT,
        "tables %d x %d, %d ratings (%d users and %d movies rated), config %s%n",
        users,
        movies,
        ratings,
        data.users().size(),
        data.movies().size(),
        config.changedFromDefaults());
    try (Model model = new DjlTrainer().train(data, Optional.empty(), config, progress)) {
      System.out.printf(
          Locale.ROOT, "total ratings_per_s %.0f%n", model.info().summary().samplesPerSecond());
    }
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Uniformly random triples, as {@code wide_reference.py} draws them, whole stars 1 to 5. */
  static ColumnarRatings randomRatings(int users, int movies, int ratings, long seed) {
    Random random = new Random(seed);
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS, ratings);
    for (int i = 0; i < ratings; i++) {
      builder.add(
          1 + random.nextInt(users), 1 + random.nextInt(movies), 1 + random.nextInt(5), 1_000_000L);
    }
    return builder.build();
  }
}
