package org.movierec.app.tune;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.movierec.core.eval.CrossValidationReport;
import org.movierec.core.eval.FoldResult;

/**
 * What one trial measured: its settings and either its cross-validation over the validation parts
 * or why training failed.
 *
 * @param number the one-based trial number
 * @param settings the searched keys' values, in space-file order
 * @param report the trial's result on the validation parts, empty when training failed
 * @param failure why training failed, empty when it did not
 * @param seconds wall time of the trial
 */
public record TrialResult(
    int number,
    Map<String, String> settings,
    Optional<CrossValidationReport> report,
    Optional<String> failure,
    double seconds) {

  /** Copies the settings and checks that exactly one of report and failure is present. */
  public TrialResult {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(failure, "failure");
    if (report.isPresent() == failure.isPresent()) {
      throw new IllegalArgumentException("a trial has either a report or a failure, not both");
    }
  }

  /** The score: the mean validation RMSE over the parts, {@code NaN} for a failed trial. */
  public double validationRmse() {
    return report.map(CrossValidationReport::meanRmse).orElse(Double.NaN);
  }

  /** The mean validation NDCG of the top-k lists over the parts, {@code NaN} for a failed trial. */
  public double validationNdcg() {
    return report.map(CrossValidationReport::meanNdcg).orElse(Double.NaN);
  }

  /** The validation RMSE of each part, in part order; empty for a failed trial. */
  public double[] partRmse() {
    return report
        .map(r -> r.folds().stream().mapToDouble(FoldResult::rmse).toArray())
        .orElse(new double[0]);
  }

  /** The trial's score by an objective over all parts, {@code NaN} for a failed trial. */
  public double score(TuneObjective objective) {
    return report.map(objective::score).orElse(Double.NaN);
  }

  /** The trial's score by an objective on each part, in part order; empty for a failed trial. */
  public double[] partScores(TuneObjective objective) {
    return report
        .map(r -> r.folds().stream().mapToDouble(objective::score).toArray())
        .orElse(new double[0]);
  }

  /** Whether training finished on every part. */
  public boolean succeeded() {
    return report.isPresent();
  }
}
