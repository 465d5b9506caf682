package org.movierec.app.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's heap as its {@code /metrics} report it, sampled during a load test: the heap in use
 * over all heap pools, and the old generation alone, where whatever outlives the requests ends up;
 * both stay level unless something leaks.
 */
final class ServerMemory {

  /**
   * One reading.
   *
   * @param seconds seconds since the load began
   * @param heapUsedBytes the heap in use, garbage included
   * @param oldGenBytes the old generation in use, or -1 when the collector reports none
   */
  record Sample(double seconds, double heapUsedBytes, double oldGenBytes) {}

  private final List<Sample> samples = new ArrayList<>();

  /** Reads one sample from a {@code /metrics} text; false when it holds no heap figures. */
  synchronized boolean add(double seconds, String metrics) {
    double heap = 0;
    double old = -1;
    boolean found = false;
    for (String line : metrics.split("\n")) {
      if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
        heap += value(line);
        found = true;
        if (line.contains("Old Gen") || line.contains("Tenured")) {
          old = value(line);
        }
      }
    }
    if (found) {
      samples.add(new Sample(seconds, heap, old));
    }
    return found;
  }

  /** Every sample, in time order. */
  synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }

  private static double value(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }
}
