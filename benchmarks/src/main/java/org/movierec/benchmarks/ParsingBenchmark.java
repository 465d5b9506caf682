package org.movierec.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.movierec.core.data.RatingDataset;
import org.movierec.data.Layout;
import org.movierec.data.ReadOptions;
import org.movierec.data.movielens.DatasetReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ratings read per second by {@code DatasetReader.read} from a generated ratings file of a million
 * ratings (ml-1m's size) in two layouts, without titles, on one thread and on all cores.
 * BENCHMARKS.md's load benchmark covers the 25-million-rating file and its memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class ParsingBenchmark {

  private static final int RATINGS = 1_000_000;

  /** The file layout: tab-separated ml-100k or CSV. */
  @Param({"ML_100K", "CSV"})
  public Layout layout;

  /** Parser threads: one, or one per core. */
  @Param({"1", "0"})
  public int threads;

  private Path directory;
  private Path file;
  private ReadOptions options;

  /** Generates the file once per trial. */
  @Setup(Level.Trial)
  public void generate() throws IOException {
    directory = GeneratedFiles.generate(6_040, 3_706, RATINGS, 7, layout);
    file = directory.resolve(layout.ratingsFile());
    int parallelism = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    options = ReadOptions.builder().optParallelism(parallelism).optReadCatalog(false).build();
  }

  /** Deletes the generated files. */
  @TearDown(Level.Trial)
  public void delete() throws IOException {
    GeneratedFiles.delete(directory);
  }

  /** Reads the whole file; the score is ratings per second. */
  @Benchmark
  @OperationsPerInvocation(RATINGS)
  public RatingDataset read() throws IOException {
    return DatasetReader.read(file, options).dataset();
  }
}
