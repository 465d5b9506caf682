package org.movierec.app.bench;

import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/**
 * What one load level measured.
 *
 * @param threads concurrent callers
 * @param calls calls made in all
 * @param seconds wall time of the level
 * @param mismatches answers that differed from the single-threaded ones
 * @param exceptions calls that threw
 * @param predict latency percentiles of single predictions
 * @param recommend latency percentiles of top-N requests
 * @param recommendCpu percentiles of the CPU time of top-N requests, the calling thread's own
 * @param heapBeforeBytes used heap after a collection, before the level
 * @param heapAfterBytes used heap after a collection, after the level
 * @param rssBeforeBytes resident set size before the level
 * @param rssAfterBytes resident set size after the level
 * @param machine the load average around the level and the process's CPU time over it
 */
public record LoadResult(
    int threads,
    long calls,
    double seconds,
    long mismatches,
    long exceptions,
    Latencies predict,
    Latencies recommend,
    Latencies recommendCpu,
    long heapBeforeBytes,
    long heapAfterBytes,
    long rssBeforeBytes,
    long rssAfterBytes,
    MachineLoad machine) {

  /** Calls per second over all threads. */
  public double callsPerSecond() {
    return seconds > 0 ? calls / seconds : 0;
  }

  static Summary summarize(List<LoadTest.ThreadStats> stats) {
    long mismatches = stats.stream().mapToLong(s -> s.mismatches).sum();
    long exceptions = stats.stream().mapToLong(s -> s.exceptions).sum();
    long[] predict =
        stats.stream().flatMapToLong(s -> LongStream.of(s.predictLatencies())).toArray();
    long[] recommend =
        stats.stream().flatMapToLong(s -> LongStream.of(s.recommendLatencies())).toArray();
    long[] recommendCpu =
        stats.stream().flatMapToLong(s -> LongStream.of(s.recommendCpuTimes())).toArray();
    return new Summary(
        predict.length + recommend.length + exceptions,
        mismatches,
        exceptions,
        Latencies.of(predict),
        Latencies.of(recommend),
        Latencies.of(recommendCpu));
  }

  /** The call counts and latencies of a level, before its memory is read. */
  record Summary(
      long calls,
      long mismatches,
      long exceptions,
      Latencies predict,
      Latencies recommend,
      Latencies recommendCpu) {

    LoadResult withMemory(
        int threads,
        double seconds,
        long heapBefore,
        long heapAfter,
        long rssBefore,
        long rssAfter,
        MachineLoad machine) {
      return new LoadResult(
          threads,
          calls,
          seconds,
          mismatches,
          exceptions,
          predict,
          recommend,
          recommendCpu,
          heapBefore,
          heapAfter,
          rssBefore,
          rssAfter,
          machine);
    }
  }

  /**
   * Latency percentiles in microseconds.
   *
   * @param count calls measured
   * @param p50Micros the median
   * @param p99Micros the 99th percentile
   * @param maxMicros the slowest call
   */
  public record Latencies(long count, double p50Micros, double p99Micros, double maxMicros) {

    static Latencies of(long[] nanos) {
      if (nanos.length == 0) {
        return new Latencies(0, Double.NaN, Double.NaN, Double.NaN);
      }
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      return new Latencies(
          sorted.length,
          percentile(sorted, 0.50) / 1e3,
          percentile(sorted, 0.99) / 1e3,
          sorted[sorted.length - 1] / 1e3);
    }

    private static long percentile(long[] sorted, double quantile) {
      int index = (int) Math.ceil(quantile * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
  }
}
