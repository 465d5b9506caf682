package org.movierec.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the process's memory: used heap after a collection, and resident set size on Linux. */
final class MemoryProbe {

  private static final Path STATUS = Path.of("/proc/self/status");

  private MemoryProbe() {}

  /** Asks for a full collection and gives it a moment, so heap readings compare. */
  static void settle() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
  }

  static long usedHeapBytes() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** The resident set size, or -1 where {@code /proc/self/status} does not exist. */
  static long residentBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
