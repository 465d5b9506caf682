package org.movierec.app.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.movierec.core.training.EpochReport;

/**
 * Everything a report shows: the configuration, the data, the metrics next to the baseline's, and
 * the series its plots draw. Optional parts are left out of the report when empty.
 *
 * @param title the heading, e.g. {@code movierec train}
 * @param configuration the effective configuration, key to text
 * @param dataSummary facts about the data, e.g. ratings, users, movies
 * @param metrics the metrics table, the model first and the baseline after it
 * @param history per-epoch training reports, for the learning-curve plot
 * @param predicted predicted ratings of test pairs, for the distribution plot
 * @param actual true ratings of the same pairs
 * @param foldRmse per-fold test RMSE by label, for the cross-validation plot
 * @param trialScores each search trial's score in trial order ({@code NaN} for a failed one), for
 *     the search plot
 * @param trialScoreName what the trial scores are, e.g. {@code validation RMSE}
 * @param trialScoreHigherIsBetter whether a higher trial score is better (NDCG) or a lower (RMSE)
 * @param scatters each searched numeric key's values against the trial scores
 * @param tables free tables, such as a search's trials, after the metrics
 */
public record ReportContent(
    String title,
    Map<String, String> configuration,
    Map<String, String> dataSummary,
    List<MetricsRow> metrics,
    List<EpochReport> history,
    float[] predicted,
    float[] actual,
    Map<String, double[]> foldRmse,
    double[] trialScores,
    String trialScoreName,
    boolean trialScoreHigherIsBetter,
    List<ParameterScatter> scatters,
    List<ReportTable> tables) {

  /** Copies the collections and checks that the rating series pair up. */
  public ReportContent {
    Objects.requireNonNull(title, "title");
    configuration = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configuration));
    dataSummary = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dataSummary));
    metrics = List.copyOf(metrics);
    history = List.copyOf(history);
    predicted = predicted.clone();
    actual = actual.clone();
    if (predicted.length != actual.length) {
      throw new IllegalArgumentException(
          predicted.length + " predicted ratings but " + actual.length + " true ratings");
    }
    foldRmse = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(foldRmse));
    trialScores = trialScores.clone();
    Objects.requireNonNull(trialScoreName, "trialScoreName");
    scatters = List.copyOf(scatters);
    tables = List.copyOf(tables);
  }

  /** A builder; the title is required, every other part optional. */
  public static Builder builder(String title) {
    return new Builder(title);
  }

  /** Collects the parts of a report. */
  public static final class Builder {
    private final String title;
    private final Map<String, String> configuration = new LinkedHashMap<>();
    private final Map<String, String> dataSummary = new LinkedHashMap<>();
    private final List<MetricsRow> metrics = new ArrayList<>();
    private final List<EpochReport> history = new ArrayList<>();
    private float[] predicted = new float[0];
    private float[] actual = new float[0];
    private final Map<String, double[]> foldRmse = new LinkedHashMap<>();
    private double[] trialScores = new double[0];
    private String trialScoreName = "validation RMSE";
    private boolean trialScoreHigherIsBetter;
    private final List<ParameterScatter> scatters = new ArrayList<>();
    private final List<ReportTable> tables = new ArrayList<>();

    private Builder(String title) {
      this.title = title;
    }

    /** Sets the configuration table. */
    public Builder optConfiguration(Map<String, String> values) {
      configuration.putAll(values);
      return this;
    }

    /** Adds a fact about the data. */
    public Builder optData(String name, Object value) {
      dataSummary.put(name, String.valueOf(value));
      return this;
    }

    /** Adds a row to the metrics table. */
    public Builder optMetrics(MetricsRow row) {
      metrics.add(row);
      return this;
    }

    /** Sets the per-epoch history. */
    public Builder optHistory(List<EpochReport> reports) {
      history.addAll(reports);
      return this;
    }

    /** Sets the predicted and true ratings of the test pairs. */
    public Builder optPredictions(float[] predictedRatings, float[] trueRatings) {
      predicted = predictedRatings.clone();
      actual = trueRatings.clone();
      return this;
    }

    /** Adds one label's per-fold RMSE. */
    public Builder optFoldRmse(String label, double[] rmse) {
      foldRmse.put(label, rmse.clone());
      return this;
    }

    /**
     * Sets each search trial's score, in trial order, what the score is and which way is better.
     */
    public Builder optTrialScores(double[] scores, String name, boolean higherIsBetter) {
      trialScores = scores.clone();
      trialScoreName = name;
      trialScoreHigherIsBetter = higherIsBetter;
      return this;
    }

    /** Adds a plot of the trial scores against one searched key. */
    public Builder optScatter(ParameterScatter scatter) {
      scatters.add(scatter);
      return this;
    }

    /** Adds a free table after the metrics. */
    public Builder optTable(ReportTable table) {
      tables.add(table);
      return this;
    }

    /** The report content. */
    public ReportContent build() {
      return new ReportContent(
          title,
          configuration,
          dataSummary,
          metrics,
          history,
          predicted,
          actual,
          foldRmse,
          trialScores,
          trialScoreName,
          trialScoreHigherIsBetter,
          scatters,
          tables);
    }
  }
}
