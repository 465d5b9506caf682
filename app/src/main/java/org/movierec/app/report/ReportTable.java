package org.movierec.app.report;

import java.util.List;
import java.util.Objects;

/**
 * A free table of a report, such as the trials of a search: a heading, column names and rows of
 * already formatted cells.
 *
 * @param heading the section heading
 * @param columns the column names
 * @param rows the rows, each with one cell per column
 */
public record ReportTable(String heading, List<String> columns, List<List<String>> rows) {

  /** Copies the columns and rows and checks that every row has one cell per column. */
  public ReportTable {
    Objects.requireNonNull(heading, "heading");
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException(
            "a row of '"
                + heading
                + "' has "
                + row.size()
                + " cells for "
                + columns.size()
                + " columns");
      }
    }
  }
}
