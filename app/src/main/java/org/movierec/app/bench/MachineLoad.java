package org.movierec.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * How busy the machine and this process were during one load level: the system's 1-minute load
 * average before and after it, and the CPU time this process spent on it (every thread, the model's
 * list helpers included), so a latency can be told apart from a neighbour's load.
 *
 * @param loadAverageBefore the 1-minute load average when the level started, -1 where unknown
 * @param loadAverageAfter the 1-minute load average when it ended, -1 where unknown
 * @param processCpuSeconds CPU seconds of the whole process over the level, -1 where unknown
 */
public record MachineLoad(
    double loadAverageBefore, double loadAverageAfter, double processCpuSeconds) {

  private static final OperatingSystemMXBean SYSTEM = ManagementFactory.getOperatingSystemMXBean();

  /** A reading taken when a level starts; {@link #finish()} completes it. */
  static Start start() {
    return new Start(SYSTEM.getSystemLoadAverage(), processCpuNanos());
  }

  /** The readings at a level's start. */
  record Start(double loadAverage, long cpuNanos) {

    /** The level's load, from this start to now. */
    MachineLoad finish() {
      long cpuNow = processCpuNanos();
      double cpu = cpuNanos < 0 || cpuNow < 0 ? -1 : (cpuNow - cpuNanos) / 1e9;
      return new MachineLoad(
          Math.max(-1, loadAverage), Math.max(-1, SYSTEM.getSystemLoadAverage()), cpu);
    }
  }

  /** The process's CPU time in nanoseconds, or -1 where the JVM does not report it. */
  private static long processCpuNanos() {
    return SYSTEM instanceof com.sun.management.OperatingSystemMXBean unix
        ? unix.getProcessCpuTime()
        : -1;
  }
}
