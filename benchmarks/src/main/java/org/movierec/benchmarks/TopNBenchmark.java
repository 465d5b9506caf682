package org.movierec.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.movierec.core.model.Recommendation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The time of one {@code Model.recommend(user, 10)}: the user's ten best unrated movies out of the
 * whole catalog, cycling through every user.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx2g", "-Doffline=true", "-Dai.djl.offline=true"})
public class TopNBenchmark {

  /** Which user the next call asks for. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  /** One top-10 list. */
  @Benchmark
  public List<Recommendation> recommendTop10(TrainedModel trained, Cursor cursor) {
    int user = trained.userIds[cursor.next];
    cursor.next = (cursor.next + 1) % trained.userIds.length;
    return trained.model.recommend(user, 10);
  }
}
