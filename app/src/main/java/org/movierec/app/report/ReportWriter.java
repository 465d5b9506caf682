package org.movierec.app.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.movierec.core.file.AtomicFiles;

/**
 * Writes a self-contained report into a directory: {@code report.md} with the configuration, the
 * data summary and the metrics table, and the PNG plots it links to.
 */
public final class ReportWriter {

  /** The report page's file name. */
  public static final String PAGE = "report.md";

  private final ReportPlots plots = new ReportPlots();

  /**
   * Writes the page and every plot the content has data for; each file is replaced atomically.
   *
   * @return the files written, the page first
   */
  public List<Path> write(Path directory, ReportContent content) throws IOException {
    Files.createDirectories(directory);
    List<Path> written = new ArrayList<>();
    StringBuilder page = new StringBuilder();
    page.append("# ").append(content.title()).append("\n\n");
    table(page, "Data", "fact", "value", content.dataSummary());
    metricsTable(page, content.metrics());
    for (ReportTable table : content.tables()) {
      freeTable(page, table);
    }
    List<String> images = new ArrayList<>();
    if (!content.history().isEmpty()) {
      images.add(
          writePlot(directory, ReportPlots.TRAINING, plots.training(content.history()), written));
    }
    if (content.predicted().length > 0) {
      images.add(
          writePlot(
              directory,
              ReportPlots.DISTRIBUTION,
              plots.distribution(content.predicted(), content.actual()),
              written));
    }
    if (!content.foldRmse().isEmpty()) {
      images.add(writePlot(directory, ReportPlots.FOLDS, plots.folds(content.foldRmse()), written));
    }
    if (content.trialScores().length > 0) {
      images.add(
          writePlot(
              directory,
              ReportPlots.TRIALS,
              plots.trials(
                  content.trialScores(),
                  content.trialScoreName(),
                  content.trialScoreHigherIsBetter()),
              written));
    }
    for (ParameterScatter scatter : content.scatters()) {
      images.add(
          writePlot(
              directory,
              scatter.fileName(),
              plots.scatter(scatter, content.trialScoreName()),
              written));
    }
    if (!images.isEmpty()) {
      page.append("## Plots\n\n");
      for (String image : images) {
        page.append("![").append(image).append("](").append(image).append(")\n\n");
      }
    }
    table(page, "Configuration", "key", "value", content.configuration());
    Path pageFile = directory.resolve(PAGE);
    AtomicFiles.write(pageFile, page.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    written.add(0, pageFile);
    return written;
  }

  private static String writePlot(Path directory, String name, byte[] png, List<Path> written)
      throws IOException {
    Path file = directory.resolve(name);
    AtomicFiles.write(file, png);
    written.add(file);
    return name;
  }

  private static void table(
      StringBuilder page, String heading, String left, String right, Map<String, String> rows) {
    if (rows.isEmpty()) {
      return;
    }
    page.append("## ").append(heading).append("\n\n");
    page.append("| ").append(left).append(" | ").append(right).append(" |\n|---|---|\n");
    rows.forEach(
        (key, value) -> page.append("| ").append(key).append(" | ").append(value).append(" |\n"));
    page.append('\n');
  }

  private static void freeTable(StringBuilder page, ReportTable table) {
    page.append("## ").append(table.heading()).append("\n\n|");
    table.columns().forEach(column -> page.append(' ').append(column).append(" |"));
    page.append("\n|");
    table.columns().forEach(column -> page.append("---|"));
    page.append('\n');
    for (List<String> row : table.rows()) {
      page.append('|');
      row.forEach(cell -> page.append(' ').append(cell).append(" |"));
      page.append('\n');
    }
    page.append('\n');
  }

  private static void metricsTable(StringBuilder page, List<MetricsRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<String> columns = new ArrayList<>();
    for (MetricsRow row : rows) {
      row.values().keySet().stream().filter(name -> !columns.contains(name)).forEach(columns::add);
    }
    page.append("## Metrics\n\n| model |");
    columns.forEach(column -> page.append(' ').append(column).append(" |"));
    page.append("\n|---|");
    columns.forEach(column -> page.append("---:|"));
    page.append('\n');
    for (MetricsRow row : rows) {
      page.append("| ").append(row.label()).append(" |");
      for (String column : columns) {
        Double value = row.values().get(column);
        page.append(' ')
            .append(value == null ? "" : String.format(Locale.ROOT, "%.4f", value))
            .append(" |");
      }
      page.append('\n');
    }
    page.append('\n');
  }
}
