package org.movierec.data.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.movierec.data.Layout;
import org.movierec.data.ReadOptions;
import org.movierec.data.ReadResult;
import org.movierec.data.generate.DatasetGenerator;
import org.movierec.data.generate.GeneratorSpec;
import org.movierec.data.movielens.DatasetReader;

/**
 * Loads a generated ml-25m-shaped {@code ratings.csv} (25,000,095 ratings) and prints the load time
 * and the heap the loaded dataset retains per rating. The dataset is generated once into the given
 * cache directory. Run it through Maven as BENCHMARKS.md says, which sets {@code -Xmx1g}.
 */
public final class LoadBenchmark {

  private static final String MARKER = "complete-" + GeneratorSpec.ml25mShape().hashCode();

  private LoadBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args the cache directory (default {@code target/bench-data}) and the number of timed
   *     loads (default 3)
   */
  public static void main(String[] args) throws IOException {
    Path cache = Path.of(args.length > 0 ? args[0] : "target/bench-data");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dataset = ensureDataset(cache.resolve("ml-25m-shape"));
    Path ratings = dataset.resolve(Layout.CSV.ratingsFile());
    System.out.printf(
        Locale.ROOT,
        "java %s, %d cores, max heap %d MiB, %s (%.0f MiB)%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        ratings,
        Files.size(ratings) / 1048576.0);
    int cores = Runtime.getRuntime().availableProcessors();
    for (int run = 1; run <= runs; run++) {
      measure("with titles, " + cores + " threads, run " + run, dataset, cores, true);
    }
    measure("with titles, 1 thread", dataset, 1, true);
    measure("ratings only, " + cores + " threads", dataset, cores, false);
  }

  private static void measure(String label, Path path, int threads, boolean titles)
      throws IOException {
    long before = usedHeapAfterGc();
    long start = System.nanoTime();
    ReadResult result =
        DatasetReader.read(
            path, ReadOptions.builder().optParallelism(threads).optReadCatalog(titles).build());
    double seconds = (System.nanoTime() - start) / 1e9;
    long retained = usedHeapAfterGc() - before;
    int ratings = result.dataset().size();
    System.out.printf(
        Locale.ROOT,
        "%-32s %6.2f s  %,d ratings  %6.2f bytes/rating retained (%,d users, %,d movies, %,d"
            + " titles)%n",
        label,
        seconds,
        ratings,
        (double) retained / ratings,
        result.dataset().users().size(),
        result.dataset().movies().size(),
        result.dataset().catalog().size());
  }

  private static Path ensureDataset(Path directory) throws IOException {
    if (!Files.exists(directory.resolve(MARKER))) {
      System.out.println("Generating the ml-25m-shaped dataset into " + directory + " (once)...");
      long start = System.nanoTime();
      DatasetGenerator.generate(GeneratorSpec.ml25mShape(), directory, Layout.CSV);
      Files.createFile(directory.resolve(MARKER));
      System.out.printf(Locale.ROOT, "generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }
    return directory;
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
