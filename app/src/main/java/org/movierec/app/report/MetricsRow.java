package org.movierec.app.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One line of a report's metrics table: a label such as {@code djl (seed)} and its metric values in
 * column order.
 *
 * @param label what was measured
 * @param values metric name to value, in the order the columns should appear
 */
public record MetricsRow(String label, Map<String, Double> values) {

  /** Copies the values, keeping their order. */
  public MetricsRow {
    Objects.requireNonNull(label, "label");
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
