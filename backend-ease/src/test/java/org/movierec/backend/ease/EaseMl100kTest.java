package org.movierec.backend.ease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.core.eval.Fold;
import org.movierec.core.eval.RankingEvaluator;
import org.movierec.core.eval.RankingMetrics;
import org.movierec.core.model.Model;
import org.movierec.core.model.Recommendation;
import org.movierec.core.testdata.SharedDatasets;

/**
 * EASE with its default lambda on ml-100k's five predefined folds, under the protocol {@code cv
 * --predefined} uses (candidates = every training movie the user did not rate, relevant = test
 * rating >= 4, k = 10): it holds the NDCG@10 floor of 0.37 and reproduces the independent
 * numpy computation of ../shared/bench/ranking_anchors.py (NDCG@10 0.3854, precision 0.2920).
 */
class EaseMl100kTest {

  @Test
  void crossValidation_predefinedFolds_reproducesTheNumpyAnchorAboveTheFloor() throws IOException {
    RankingEvaluator evaluator = new RankingEvaluator(EvaluationOptions.DEFAULTS.withThreads(2));
    double ndcg = 0;
    double precision = 0;
    for (int number = 1; number <= 5; number++) {
      Fold fold = SharedDatasets.ml100kFold(number);
      try (Model model = new EaseTrainer().train(fold.train(), TrainingConfig.defaults())) {
        RankingMetrics metrics = evaluator.evaluate(model, fold.test());
        ndcg += metrics.ndcg() / 5;
        precision += metrics.precision() / 5;
      }
    }
    assertThat(ndcg).isGreaterThanOrEqualTo(0.37).isCloseTo(0.3854, within(0.001));
    assertThat(precision).isCloseTo(0.2920, within(0.001));
  }

  /**
   * What core's RecommendationsMl100kContractTest checks for a model ranked by its estimate, for
   * EASE's own score: every user of u1 gets the whole unrated catalog, ordered by the EASE score
   * (never increasing, exact ties to the lower id), each entry's predicted rating the model's.
   */
  @Test
  void recommend_everyUserOfU1_listsTheUnratedCatalogByEaseScore() throws IOException {
    Fold fold = SharedDatasets.ml100kFold(1);
    try (Model model = new EaseTrainer().train(fold.train(), TrainingConfig.defaults())) {
      int catalog = model.movies().size();
      for (int user : model.users().rawIds()) {
        Set<Integer> rated = new HashSet<>();
        for (int movie : model.ratedMovies(user)) {
          rated.add(movie);
        }
        List<Recommendation> list = model.recommend(user, catalog);
        float[] scores =
            model.rankingScores(user, list.stream().mapToInt(Recommendation::rawMovieId).toArray());

        assertThat(list)
            .as("user %d", user)
            .hasSize(catalog - rated.size())
            .extracting(Recommendation::rawMovieId)
            .doesNotContainAnyElementsOf(rated);
        for (int i = 0; i < list.size(); i++) {
          Recommendation current = list.get(i);
          // Plain checks: AssertJ on 1.5 million entries would dominate the test's time.
          if (current.score() != scores[i]) {
            fail(
                "user %d, rank %d: listed score %s, rankingScores %s",
                user, i + 1, current.score(), scores[i]);
          }
          if (i > 0) {
            Recommendation previous = list.get(i - 1);
            boolean ordered =
                previous.score() > current.score()
                    || (previous.score() == current.score()
                        && previous.rawMovieId() < current.rawMovieId());
            if (!ordered) {
              fail("user %d: rank %d (%s) above rank %d (%s)", user, i, previous, i + 1, current);
            }
          }
        }
        Recommendation top = list.get(0);
        assertThat(top.predictedRating()).isEqualTo(model.predict(user, top.rawMovieId()));
      }
    }
  }
}
