package org.movierec.app.tune;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import org.movierec.core.config.ConfigException;
import org.movierec.core.eval.CrossValidationReport;
import org.movierec.core.eval.FoldResult;

/**
 * What a search ranks its trials by, on the validation parts: the rating error, for models judged
 * by their predictions, or the quality of the top-k lists, for models judged by their rankings
 * (item-kNN's {@code neighbours}, EASE's {@code lambda}).
 */
public enum TuneObjective {
  /** The mean validation RMSE over the parts; lower is better. */
  RMSE("rmse", "validation RMSE", false),
  /** The mean validation NDCG at k over the parts; higher is better. */
  NDCG("ndcg", "validation NDCG@k", true);

  private final String word;
  private final String label;
  private final boolean higherIsBetter;

  TuneObjective(String word, String label, boolean higherIsBetter) {
    this.word = word;
    this.label = label;
    this.higherIsBetter = higherIsBetter;
  }

  /**
   * The objective a command line names.
   *
   * @throws ConfigException naming the allowed words for any other text
   */
  public static TuneObjective parse(String text) {
    for (TuneObjective objective : values()) {
      if (objective.word.equals(text.strip().toLowerCase(Locale.ROOT))) {
        return objective;
      }
    }
    throw new ConfigException(
        "--objective "
            + text
            + ": expected one of "
            + String.join(", ", Arrays.stream(values()).map(TuneObjective::word).toList()));
  }

  /** The word the command line and JSON use: {@code rmse} or {@code ndcg}. */
  public String word() {
    return word;
  }

  /** The score's name for people, such as {@code validation NDCG@10}, for lists of {@code k}. */
  public String label(int k) {
    return label.replace("@k", "@" + k);
  }

  /** Whether a higher score is better. */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /** The score of a finished trial over all its parts. */
  public double score(CrossValidationReport report) {
    return this == RMSE ? report.meanRmse() : report.meanNdcg();
  }

  /** The score on one part. */
  public double score(FoldResult part) {
    return this == RMSE ? part.rmse() : part.metrics().ranking().ndcg();
  }

  /** Orders scores best first; {@code NaN} (a failed trial) last. */
  public Comparator<Double> bestFirst() {
    Comparator<Double> natural = Comparator.naturalOrder();
    Comparator<Double> order = higherIsBetter ? natural.reversed() : natural;
    return (a, b) -> {
      if (a.isNaN() || b.isNaN()) {
        return Boolean.compare(a.isNaN(), b.isNaN());
      }
      return order.compare(a, b);
    };
  }
}
