package org.movierec.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.movierec.core.eval.PopularityMetrics;
import org.movierec.core.eval.RankingMeans;
import org.movierec.core.eval.RankingMetrics;

/**
 * Prints a model's ranking metrics next to the popularity baseline's as one aligned table, so that
 * {@code evaluate} and {@code cv} show whether the model ranks better than "most popular".
 */
final class RankingTable {

  private RankingTable() {}

  /** One line of the table. */
  record Row(String label, RankingMeans means) {}

  /** The rows of one evaluation: the model, then both popularity rankings. */
  static List<Row> rows(String model, RankingMetrics ranking, PopularityMetrics popularity) {
    return rows(
        model,
        of(ranking),
        of(popularity.mostRated()),
        popularity.bestRated() == null ? null : of(popularity.bestRated()),
        popularity.priorRatings());
  }

  /** The rows of the model and both popularity rankings; a missing best-rated row is explained. */
  static List<Row> rows(
      String model,
      RankingMeans ranking,
      RankingMeans mostRated,
      RankingMeans bestRated,
      double prior) {
    List<Row> rows = new ArrayList<>();
    rows.add(new Row(model, ranking));
    rows.add(new Row("most rated", mostRated));
    rows.add(new Row(String.format(Locale.ROOT, "best rated (prior %.0f)", prior), bestRated));
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
        out.printf(
            Locale.ROOT,
            "  %-24s (this model file has no mean ratings; retrain to compare)%n",
            row.label());
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
