package org.movierec.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.movierec.app.evaluation.ReferenceChoice;
import org.movierec.core.eval.PopularityMetrics;
import org.movierec.core.eval.RankingMeans;
import org.movierec.core.eval.RankingMetrics;
import org.movierec.core.eval.ReferenceMetrics;

/**
 * Prints a model's ranking metrics next to its references as one aligned table, so that {@code
 * evaluate} and {@code cv} show whether the model ranks better than "most popular" and than the
 * textbook item-kNN and EASE rankers trained on the same ratings.
 */
final class RankingTable {

  private RankingTable() {}

  /**
   * One line of the table.
   *
   * @param means the metrics, or {@code null} when the row could not be measured
   * @param note why a row has no metrics
   */
  record Row(String label, RankingMeans means, String note) {}

  /** The row of one measurement of lists, such as a model's. */
  static Row model(String label, RankingMetrics ranking) {
    return new Row(label, of(ranking), null);
  }

  /** The rows of both popularity rankings; a missing best-rated row is explained. */
  static List<Row> popularity(RankingMeans mostRated, RankingMeans bestRated, double prior) {
    return List.of(
        new Row("most rated", mostRated, null),
        new Row(
            String.format(Locale.ROOT, "best rated (prior %.0f)", prior),
            bestRated,
            "this model file has no mean ratings; retrain to compare"));
  }

  /** The popularity rows of one evaluation. */
  static List<Row> popularity(PopularityMetrics popularity) {
    return popularity(
        of(popularity.mostRated()),
        popularity.bestRated() == null ? null : of(popularity.bestRated()),
        popularity.priorRatings());
  }

  /**
   * The row of one trained reference over one or more folds: the means where every fold measured
   * it, else the first fold's reason.
   */
  static Row reference(List<ReferenceMetrics> folds) {
    String backend = folds.get(0).backend();
    for (ReferenceMetrics fold : folds) {
      if (!fold.measured()) {
        return new Row(backend, null, "not measured: " + fold.unavailable());
      }
    }
    return new Row(
        backend, RankingMeans.of(folds.stream().map(ReferenceMetrics::metrics).toList()), null);
  }

  /** The model's row followed by the rows the choice asks for. */
  static List<Row> rows(
      Row model, ReferenceChoice choice, List<Row> popularity, List<Row> references) {
    List<Row> rows = new ArrayList<>();
    rows.add(model);
    if (choice.popularity()) {
      rows.addAll(popularity);
    }
    if (choice.trained()) {
      rows.addAll(references);
    }
    return rows;
  }

  /** Prints the rows under a header of the metric names. */
  static void print(PrintWriter out, List<Row> rows) {
    out.printf(
        Locale.ROOT,
        "  %-24s %9s %8s %8s %8s %9s %9s%n",
        "",
        "precision",
        "recall",
        "NDCG",
        "MAP",
        "hit rate",
        "coverage");
    for (Row row : rows) {
      if (row.means() == null) {
        out.printf(Locale.ROOT, "  %-24s (%s)%n", row.label(), row.note());
        continue;
      }
      RankingMeans m = row.means();
      out.printf(
          Locale.ROOT,
          "  %-24s %9.4f %8.4f %8.4f %8.4f %9.4f %9.4f%n",
          row.label(),
          m.precision(),
          m.recall(),
          m.ndcg(),
          m.map(),
          m.hitRate(),
          m.coverage());
    }
  }

  private static RankingMeans of(RankingMetrics metrics) {
    return RankingMeans.of(List.of(metrics));
  }
}
