package org.movierec.data.movielens;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.movierec.data.BadLinePolicy;
import org.movierec.data.DataFormatException;
import org.movierec.data.LineProblem;
import org.movierec.data.SkippedLine;

/**
 * Applies the bad-line policy: throws for the first bad line in {@link BadLinePolicy#FAIL} mode,
 * counts bad lines by problem and keeps the first few as examples in {@link BadLinePolicy#SKIP}
 * mode.
 */
final class ProblemLog {

  static final int MAX_EXAMPLES = 20;

  private final BadLinePolicy policy;
  private final EnumMap<LineProblem, Long> counts = new EnumMap<>(LineProblem.class);
  private final List<SkippedLine> examples = new ArrayList<>();

  ProblemLog(BadLinePolicy policy) {
    this.policy = policy;
  }

  /** Tells whether the first bad line ends reading. */
  boolean failsFast() {
    return policy == BadLinePolicy.FAIL;
  }

  /**
   * Records one bad line.
   *
   * @throws DataFormatException in fail-fast mode, or when the problem cannot be skipped
   */
  void report(SkippedLine line) {
    if (failsFast() || !line.problem().skippable()) {
      throw DataFormatException.of(line);
    }
    counts.merge(line.problem(), 1L, Long::sum);
    if (examples.size() < MAX_EXAMPLES) {
      examples.add(line);
    }
  }

  /** Records bad lines that one parsing thread counted by problem ordinal, with a few examples. */
  void merge(long[] countsByProblem, List<SkippedLine> found) {
    for (SkippedLine line : found) {
      if (examples.size() < MAX_EXAMPLES) {
        examples.add(line);
      }
    }
    LineProblem[] problems = LineProblem.values();
    for (int i = 0; i < countsByProblem.length; i++) {
      if (countsByProblem[i] > 0) {
        counts.merge(problems[i], countsByProblem[i], Long::sum);
      }
    }
  }

  /** Counts {@code count} more skipped lines of one problem beyond those reported one by one. */
  void count(LineProblem problem, long count) {
    if (count > 0) {
      counts.merge(problem, count, Long::sum);
    }
  }

  /** How many lines were skipped so far. */
  long skippedLines() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The counts by problem. */
  Map<LineProblem, Long> counts() {
    return counts;
  }

  /** The first few skipped lines. */
  List<SkippedLine> examples() {
    return examples;
  }
}
