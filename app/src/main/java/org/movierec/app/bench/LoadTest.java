package org.movierec.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.movierec.core.model.Model;
import org.movierec.core.model.Recommendation;

/**
 * Calls {@link Model#predict(int, int)} and {@link Model#recommend(int, int)} on one loaded model
 * from many threads for a bounded number of calls, and checks every answer against the one the same
 * request got single-threaded. Measures throughput, latency percentiles and memory.
 */
public final class LoadTest {

  /**
   * Reads the calling thread's CPU time: a top-N call's CPU time is what it costs when it has a
   * core, which wall time on a shared machine does not tell.
   */
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** Distinct requests cycled through; their single-threaded answers are the reference. */
  static final int DISTINCT_REQUESTS = 4096;

  private final Model model;
  private final int[] users;
  private final int[] movies;
  private final boolean[] isRecommend;
  private final float[] expectedRatings;
  private final List<List<Recommendation>> expectedLists;
  private final int topN;

  /**
   * Prepares requests over the model's known users and movies: one in {@code recommendEvery} is a
   * top-{@code topN} request, the others single predictions.
   */
  public LoadTest(Model model, int recommendEvery, int topN, long seed) {
    if (model.users().size() == 0 || model.movies().size() == 0) {
      throw new IllegalArgumentException("the model knows no users or movies to ask about");
    }
    this.model = model;
    this.topN = topN;
    Random random = new Random(seed);
    users = new int[DISTINCT_REQUESTS];
    movies = new int[DISTINCT_REQUESTS];
    isRecommend = new boolean[DISTINCT_REQUESTS];
    expectedRatings = new float[DISTINCT_REQUESTS];
    expectedLists = new ArrayList<>();
    for (int i = 0; i < DISTINCT_REQUESTS; i++) {
      users[i] = model.users().rawId(random.nextInt(model.users().size()));
      movies[i] = model.movies().rawId(random.nextInt(model.movies().size()));
      isRecommend[i] = recommendEvery > 0 && i % recommendEvery == 0;
      expectedRatings[i] = isRecommend[i] ? Float.NaN : model.predict(users[i], movies[i]);
      expectedLists.add(isRecommend[i] ? model.recommend(users[i], topN) : List.of());
    }
  }

  /** Runs {@code callsPerThread} calls on each of {@code threads} threads at once. */
  public LoadResult run(int threads, int callsPerThread) throws InterruptedException {
    MemoryProbe.settle();
    long heapBefore = MemoryProbe.usedHeapBytes();
    long rssBefore = MemoryProbe.residentBytes();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<ThreadStats>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * (DISTINCT_REQUESTS / threads + 7);
      futures.add(pool.submit(() -> work(start, offset, callsPerThread)));
    }
    MachineLoad.Start machine = MachineLoad.start();
    long began = System.nanoTime();
    start.countDown();
    List<ThreadStats> stats = new ArrayList<>();
    try {
      for (Future<ThreadStats> future : futures) {
        stats.add(future.get());
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a load-test thread failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    MachineLoad load = machine.finish();
    LoadResult.Summary summary = LoadResult.summarize(stats);
    // The per-call latency arrays are garbage now, so the memory reading sees only the model.
    stats.clear();
    futures.clear();
    MemoryProbe.settle();
    return summary.withMemory(
        threads,
        seconds,
        heapBefore,
        MemoryProbe.usedHeapBytes(),
        rssBefore,
        MemoryProbe.residentBytes(),
        load);
  }

  private ThreadStats work(CountDownLatch start, int offset, int calls)
      throws InterruptedException {
    ThreadStats stats = new ThreadStats(calls);
    start.await();
    for (int call = 0; call < calls; call++) {
      int i = (offset + call) % DISTINCT_REQUESTS;
      long t0 = System.nanoTime();
      try {
        if (isRecommend[i]) {
          long cpu0 = CPU.getCurrentThreadCpuTime();
          List<Recommendation> answer = model.recommend(users[i], topN);
          long cpu = CPU.getCurrentThreadCpuTime() - cpu0;
          stats.recordRecommend(System.nanoTime() - t0, cpu, answer.equals(expectedLists.get(i)));
        } else {
          float answer = model.predict(users[i], movies[i]);
          stats.recordPredict(
              System.nanoTime() - t0,
              Float.floatToIntBits(answer) == Float.floatToIntBits(expectedRatings[i]));
        }
      } catch (RuntimeException e) {
        stats.recordException();
      }
    }
    return stats;
  }

  /** What one worker thread saw. */
  static final class ThreadStats {
    final long[] predictNanos;
    final long[] recommendNanos;
    final long[] recommendCpuNanos;
    int predicts;
    int recommends;
    int mismatches;
    int exceptions;

    ThreadStats(int calls) {
      predictNanos = new long[calls];
      recommendNanos = new long[calls];
      recommendCpuNanos = new long[calls];
    }

    void recordPredict(long nanos, boolean same) {
      predictNanos[predicts++] = nanos;
      mismatches += same ? 0 : 1;
    }

    void recordRecommend(long nanos, long cpuNanos, boolean same) {
      recommendCpuNanos[recommends] = cpuNanos;
      recommendNanos[recommends++] = nanos;
      mismatches += same ? 0 : 1;
    }

    void recordException() {
      exceptions++;
    }

    long[] predictLatencies() {
      return Arrays.copyOf(predictNanos, predicts);
    }

    long[] recommendLatencies() {
      return Arrays.copyOf(recommendNanos, recommends);
    }

    long[] recommendCpuTimes() {
      return Arrays.copyOf(recommendCpuNanos, recommends);
    }
  }
}
