package org.movierec.app.tune;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.movierec.core.config.ConfigException;
import org.movierec.core.eval.CrossValidationReport;

/**
 * What a search ranks its trials by: the validation RMSE of the rating estimate (lower is better)
 * or the validation NDCG of the top-k lists (higher is better). A key that only changes the lists,
 * such as EASE's {@code lambda} or item-kNN's {@code neighbours}, leaves the RMSE alone and can
 * only be chosen by NDCG.
 */
public enum TuneObjective {
  /** The mean validation RMSE over the parts, lower is better. */
  RMSE("rmse", "validation RMSE", false, CrossValidationReport::meanRmse),
  /** The mean validation NDCG@k over the parts, higher is better. */
  NDCG("ndcg", "validation NDCG", true, CrossValidationReport::meanNdcg);

  private final String word;
  private final String label;
  private final boolean higherIsBetter;
  private final ToDoubleFunction<CrossValidationReport> measure;

  TuneObjective(
      String word,
      String label,
      boolean higherIsBetter,
      ToDoubleFunction<CrossValidationReport> measure) {
    this.word = word;
    this.label = label;
    this.higherIsBetter = higherIsBetter;
    this.measure = measure;
  }

  /**
   * The objective named {@code word} ({@code rmse} or {@code ndcg}).
   *
   * @throws ConfigException naming the value and the allowed ones
   */
  public static TuneObjective parse(String word) {
    for (TuneObjective objective : values()) {
      if (objective.word.equals(word.toLowerCase(Locale.ROOT))) {
        return objective;
      }
    }
    throw new ConfigException(
        "objective '"
            + word
            + "' is unknown; use one of "
            + Arrays.stream(values()).map(TuneObjective::word).toList());
  }

  /** The name on the command line, such as {@code ndcg}. */
  public String word() {
    return word;
  }

  /** The name for people, such as {@code validation NDCG}. */
  public String label() {
    return label;
  }

  /** Tells whether a larger score is better. */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** A trial's score, {@code NaN} for a failed trial. */
  public double score(TrialResult trial) {
    return trial.report().map(measure::applyAsDouble).orElse(Double.NaN);
  }

  /** Orders trials best first, failed ones last, earlier trials first on a tie. */
  public Comparator<TrialResult> bestFirst() {
    return Comparator.comparingDouble(
        (TrialResult trial) -> {
          double score = score(trial);
          if (Double.isNaN(score)) {
            return Double.MAX_VALUE;
          }
          return higherIsBetter ? -score : score;
        });
  }
}
