package org.movierec.core.eval;

import java.util.Objects;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.Model;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Measures a trained model on test ratings, both as a rating predictor and as a recommender. */
public final class Evaluator {

  private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

  private final EvaluationOptions options;

  /** An evaluator with the given list length, relevance threshold and thread count. */
  public Evaluator(EvaluationOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  /** An evaluator with {@link EvaluationOptions#DEFAULTS}. */
  public Evaluator() {
    this(EvaluationOptions.DEFAULTS);
  }

  /** The options this evaluator uses. */
  public EvaluationOptions options() {
    return options;
  }

  /**
   * Computes rating and ranking metrics of a model on test ratings, which must not overlap the
   * model's training ratings.
   *
   * @throws IllegalArgumentException when the test set has users or movies the model does not know
   *     and its cold-start policy is error
   */
  public EvaluationReport evaluate(Model model, RatingDataset test) {
    RatingMetrics rating = RatingEvaluator.evaluate(model, test);
    RankingMetrics ranking = new RankingEvaluator(options).evaluate(model, test);
    LOG.debug(
        "{} test ratings: RMSE {} MAE {} ({} cold), precision@{} {} NDCG {}",
        rating.count(),
        rating.rmse(),
        rating.mae(),
        rating.coldPairs(),
        ranking.k(),
        ranking.precision(),
        ranking.ndcg());
    return new EvaluationReport(rating, ranking);
  }
}
