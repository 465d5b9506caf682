package org.movierec.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Predicted ratings per second through {@code Model.predict}: in batches of 4,096 random known
 * pairs, and one pair per call.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "-Doffline=true", "-Dai.djl.offline=true"})
public class ScoringBenchmark {

  /** Pairs per batched call. */
  static final int PAIRS = 4_096;

  /** Random known pairs, drawn once per trial, and a cursor for single calls. */
  @State(Scope.Thread)
  public static class Pairs {
    int[] users = new int[PAIRS];
    int[] movies = new int[PAIRS];
    int next;

    /** Draws the pairs with a fixed seed. */
    @Setup(Level.Trial)
    public void draw(TrainedModel trained) {
      SplittableRandom random = new SplittableRandom(3);
      for (int i = 0; i < PAIRS; i++) {
        users[i] = trained.userIds[random.nextInt(trained.userIds.length)];
        movies[i] = trained.movieIds[random.nextInt(trained.movieIds.length)];
      }
    }
  }

  /** Scores 4,096 pairs in one call; the score is pairs per second. */
  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public float[] predictBatch(TrainedModel trained, Pairs pairs) {
    return trained.model.predict(pairs.users, pairs.movies);
  }

  /** Scores one pair per call, cycling through the pairs. */
  @Benchmark
  public float predictOne(TrainedModel trained, Pairs pairs) {
    int i = pairs.next;
    pairs.next = (i + 1) % PAIRS;
    return trained.model.predict(pairs.users[i], pairs.movies[i]);
  }
}
