package org.movierec.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a reader read and what it skipped: lenient reading never skips silently.
 *
 * @param files the files read, ratings first
 * @param layout the layout they were read as
 * @param lines the number of lines in the ratings file, blank and bad ones included
 * @param skipped how many lines were skipped, by problem; empty when none was
 * @param examples the first few skipped lines, for the user to look at
 */
public record ReadReport(
    List<Path> files,
    Layout layout,
    long lines,
    Map<LineProblem, Long> skipped,
    List<SkippedLine> examples) {

  /** Copies the collections and rejects missing parts and zero counts. */
  public ReadReport {
    files = List.copyOf(files);
    Objects.requireNonNull(layout, "layout");
    EnumMap<LineProblem, Long> counts = new EnumMap<>(LineProblem.class);
    skipped.forEach(
        (problem, count) -> {
          if (count <= 0) {
            throw new IllegalArgumentException("skip count for " + problem + " must be > 0");
          }
          counts.put(problem, count);
        });
    skipped = Collections.unmodifiableMap(counts);
    examples = List.copyOf(examples);
  }

  /** The total number of skipped lines. */
  public long skippedLines() {
    return skipped.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One line per problem such as {@code rating-off-scale: 3}, or {@code no line skipped}. */
  public String skippedSummary() {
    if (skipped.isEmpty()) {
      return "no line skipped";
    }
    StringBuilder summary = new StringBuilder();
    skipped.forEach(
        (problem, count) -> {
          if (summary.length() > 0) {
            summary.append(", ");
          }
          summary.append(problem.label()).append(": ").append(count);
        });
    return summary.toString();
  }
}
