package org.movierec.app.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.movierec.app.report.MetricsRow;
import org.movierec.app.report.ParameterScatter;
import org.movierec.app.report.ReportContent;
import org.movierec.app.report.ReportTable;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.eval.Fold;
import org.movierec.core.eval.FoldResult;

/**
 * A finished search and its forms of output: the trials table, the JSON object, the report and the
 * best configuration as a properties file that {@code train --config} reads.
 *
 * @param space the search space
 * @param plan the planned trials
 * @param parts the validation parts every trial was scored on
 * @param trials each trial's result, in the order run
 * @param best the configuration of the best trial, empty when every trial failed
 * @param objective what the best trial was chosen by
 */
public record TuneResult(
    SearchSpace space,
    TrialPlan plan,
    ValidationParts parts,
    List<TrialResult> trials,
    Optional<Best> best,
    TuneObjective objective) {

  /**
   * The winning trial and the whole configuration it trained with.
   *
   * @param trial the trial
   * @param config its effective configuration
   */
  public record Best(TrialResult trial, TrainingConfig config) {}

  /** Copies the trials. */
  public TuneResult {
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(parts, "parts");
    trials = List.copyOf(trials);
    Objects.requireNonNull(best, "best");
    Objects.requireNonNull(objective, "objective");
  }

  /** A search whose best trial was chosen by validation RMSE. */
  public TuneResult(
      SearchSpace space,
      TrialPlan plan,
      ValidationParts parts,
      List<TrialResult> trials,
      Optional<Best> best) {
    this(space, plan, parts, trials, best, TuneObjective.RMSE);
  }

  /** One line saying how the trials were chosen, e.g. {@code random search, 40 trials, 3 keys}. */
  public String searchSummary() {
    return String.format(
        Locale.ROOT,
        "%s search of %s: %d trials over %d keys, best by %s",
        plan.search().word(),
        space.source(),
        trials.size(),
        space.dimensions().size(),
        objective.label());
  }

  /** The trials table for the terminal, in trial order, best trial marked. */
  public List<String> table() {
    List<List<String>> rows = rows(trials);
    List<String> header = columns();
    int[] widths = new int[header.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = header.get(c).length();
      for (List<String> row : rows) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(line(header, widths));
    int bestNumber = best.map(b -> b.trial().number()).orElse(-1);
    for (int r = 0; r < rows.size(); r++) {
      lines.add(
          line(rows.get(r), widths) + (trials.get(r).number() == bestNumber ? "  <- best" : ""));
    }
    return lines;
  }

  /** The result as one JSON-ready object. */
  public Map<String, Object> toJson(String bestFile) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("search", plan.search().word());
    json.put("space", space.source());
    Map<String, String> dimensions = new LinkedHashMap<>();
    space.dimensions().forEach(d -> dimensions.put(d.key().name(), d.describe()));
    json.put("dimensions", dimensions);
    json.put("validation", parts.protocol());
    json.put("objective", objective.word());
    List<Map<String, Object>> partList = new ArrayList<>();
    for (Fold fold : parts.folds()) {
      Map<String, Object> part = new LinkedHashMap<>();
      part.put("part", fold.number());
      part.put("train_ratings", fold.train().size());
      part.put("validation_ratings", fold.test().size());
      partList.add(part);
    }
    json.put("parts", partList);
    List<Map<String, Object>> trialList = new ArrayList<>();
    for (TrialResult trial : trials) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("trial", trial.number());
      entry.put("settings", trial.settings());
      entry.put("validation_rmse", trial.validationRmse());
      entry.put("validation_ndcg", trial.validationNdcg());
      entry.put("part_rmse", java.util.Arrays.stream(trial.partRmse()).boxed().toList());
      entry.put("best_epochs", epochs(trial, true));
      entry.put("epochs_run", epochs(trial, false));
      entry.put("seconds", trial.seconds());
      entry.put("failure", trial.failure().orElse(null));
      trialList.add(entry);
    }
    json.put("trials", trialList);
    best.ifPresent(
        b -> {
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("trial", b.trial().number());
          entry.put("validation_rmse", b.trial().validationRmse());
          entry.put("validation_ndcg", b.trial().validationNdcg());
          entry.put("settings", b.trial().settings());
          entry.put("config", b.config().toTextMap());
          entry.put("config_file", bestFile);
          json.put("best", entry);
        });
    json.put("check_commands", checkCommands(bestFile == null ? "CONFIG" : bestFile));
    return json;
  }

  /** The commands that reproduce the best trial's validation score with a configuration file. */
  public List<String> checkCommands(String configFile) {
    return parts.checkCommands().stream().map(c -> c.replace("CONFIG", configFile)).toList();
  }

  /**
   * The best configuration as a properties file: every key, so that it means the same under any
   * preset, after comments saying how it was chosen and how to check it.
   */
  public String bestProperties(String fileName) {
    Best winner = best.orElseThrow(() -> new IllegalStateException("every trial failed"));
    StringBuilder text = new StringBuilder();
    text.append("# movierec tune: the best trial (")
        .append(winner.trial().number())
        .append(") of a ")
        .append(searchSummary())
        .append('\n');
    text.append(
        String.format(
            Locale.ROOT,
            "# %s %.6f: %s%n",
            objective.label(),
            objective.score(winner.trial()),
            parts.protocol()));
    text.append(
        "# chosen on validation data only; no test rating took part. Reproduce the score:\n");
    for (String command : checkCommands(fileName)) {
      text.append("#   ").append(command).append('\n');
    }
    text.append("# searched: ");
    List<String> settings = new ArrayList<>();
    winner.trial().settings().forEach((key, value) -> settings.add(key + " = " + value));
    text.append(String.join(", ", settings)).append('\n');
    winner
        .config()
        .toTextMap()
        .forEach((key, value) -> text.append(key).append(" = ").append(value).append('\n'));
    return text.toString();
  }

  /** The report: search plot, one plot per numeric key, and the trials best first. */
  public ReportContent report() {
    ReportContent.Builder report =
        ReportContent.builder("movierec tune")
            .optData("search", searchSummary())
            .optData("validation", parts.protocol())
            .optData("training runs per trial", parts.folds().size());
    best.ifPresent(
        b -> {
          report.optConfiguration(b.config().toTextMap());
          Map<String, Double> values = new LinkedHashMap<>();
          values.put("validation_rmse", b.trial().validationRmse());
          if (objective == TuneObjective.NDCG) {
            values.put("validation_ndcg", b.trial().validationNdcg());
          }
          if (parts.folds().size() > 1) {
            values.put("validation_rmse_std", b.trial().report().orElseThrow().stdRmse());
          }
          report.optMetrics(new MetricsRow("best: trial " + b.trial().number(), values));
        });
    report.optTrialScores(trials.stream().mapToDouble(TrialResult::validationRmse).toArray());
    for (Dimension dimension : space.dimensions()) {
      scatter(dimension).ifPresent(report::optScatter);
    }
    List<TrialResult> ranked = new ArrayList<>(trials);
    ranked.sort(objective.bestFirst());
    report.optTable(new ReportTable("Trials, best first", columns(), rows(ranked)));
    return report.build();
  }

  private Optional<ParameterScatter> scatter(Dimension dimension) {
    String key = dimension.key().name();
    double[] values = new double[trials.size()];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = Double.parseDouble(trials.get(i).settings().get(key));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    boolean log =
        dimension instanceof Dimension.Range range
            ? range.logScale()
            : java.util.Arrays.stream(values).min().orElse(0) > 0
                && java.util.Arrays.stream(values).max().orElse(0)
                    >= 100 * java.util.Arrays.stream(values).min().orElse(0);
    double[] scores = trials.stream().mapToDouble(TrialResult::validationRmse).toArray();
    return Optional.of(new ParameterScatter(key, values, scores, log));
  }

  private List<String> columns() {
    List<String> columns = new ArrayList<>();
    columns.add("trial");
    space.dimensions().forEach(d -> columns.add(d.key().name()));
    columns.add("validation RMSE");
    if (objective == TuneObjective.NDCG) {
      columns.add("validation NDCG");
    }
    if (parts.folds().size() > 1) {
      columns.add("per part");
    }
    columns.add("epochs kept");
    columns.add("seconds");
    return columns;
  }

  private List<List<String>> rows(List<TrialResult> ordered) {
    List<List<String>> rows = new ArrayList<>();
    for (TrialResult trial : ordered) {
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(trial.number()));
      space.dimensions().forEach(d -> row.add(trial.settings().get(d.key().name())));
      row.add(
          trial.succeeded()
              ? String.format(Locale.ROOT, "%.4f", trial.validationRmse())
              : "failed: " + trial.failure().orElseThrow());
      if (objective == TuneObjective.NDCG) {
        row.add(
            trial.succeeded() ? String.format(Locale.ROOT, "%.4f", trial.validationNdcg()) : "");
      }
      if (parts.folds().size() > 1) {
        List<String> per = new ArrayList<>();
        for (double rmse : trial.partRmse()) {
          per.add(String.format(Locale.ROOT, "%.4f", rmse));
        }
        row.add(String.join(" ", per));
      }
      row.add(String.join(",", epochs(trial, true).stream().map(String::valueOf).toList()));
      row.add(String.format(Locale.ROOT, "%.1f", trial.seconds()));
      rows.add(row);
    }
    return rows;
  }

  private static List<Integer> epochs(TrialResult trial, boolean kept) {
    return trial.report().stream()
        .flatMap(r -> r.folds().stream())
        .map(FoldResult::training)
        .map(summary -> kept ? summary.bestEpoch() : summary.epochsRun())
        .toList();
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        line.append("  ");
      }
      line.append(String.format("%-" + widths[c] + "s", cells.get(c)));
    }
    return line.toString().stripTrailing();
  }
}
