package org.movierec.core.eval;

import java.util.Objects;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.Model;
import org.movierec.core.rank.PopularityRecommender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures a trained model on test ratings, both as a rating predictor and as a recommender, and
 * measures the popularity baseline's lists from the same training input next to it.
 */
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
   * model's training ratings, and the ranking metrics of the most-rated and best-rated lists from
   * the model's training input.
   *
   * @throws IllegalArgumentException when the test set has users or movies the model does not know
   *     and its cold-start policy is error
   */
  public EvaluationReport evaluate(Model model, RatingDataset test) {
    RatingMetrics rating = RatingEvaluator.evaluate(model, test);
    RankingEvaluator ranker = new RankingEvaluator(options);
    RankingMetrics ranking = ranker.evaluate(model, test);
    PopularityMetrics popularity =
        new PopularityMetrics(
            PopularityRecommender.DEFAULT_PRIOR_RATINGS,
            ranker.evaluate(PopularityRecommender.mostRated(model), test),
            model.popularity().hasMeans()
                ? ranker.evaluate(
                    PopularityRecommender.bestRated(
                        model, PopularityRecommender.DEFAULT_PRIOR_RATINGS),
                    test)
                : null);
    LOG.debug(
        "{} test ratings: RMSE {} MAE {} ({} cold), precision@{} {} NDCG {}",
        rating.count(),
        rating.rmse(),
        rating.mae(),
        rating.coldPairs(),
        ranking.k(),
        ranking.precision(),
        ranking.ndcg());
    return new EvaluationReport(rating, ranking, popularity);
  }
}
