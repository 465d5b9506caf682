package org.movierec.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.eval.Fold;
import org.movierec.core.model.Model;
import org.movierec.core.model.Recommendation;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.testdata.SharedDatasets;

/**
 * The lists every backend must give on real data: a model trained on ml-100k's u1.base lists, for
 * every one of its users, the whole catalog minus exactly that user's training movies, ranked by
 * the raw ranking score (never increasing, exact ties to the lower id, each the score {@link
 * Model#rankingScores} gives), with each predicted rating the score clipped to the scale when the
 * model ranks by its rating estimate, and what {@link Model#predict} answers in any case. Skipped
 * with a message when ml-100k is absent. A backend runs it by extending this class with its
 * provider and a configuration.
 */
public abstract class RecommendationsMl100kContractTest {

  private static final int CHECKED_AGAINST_PREDICT = 10;
  private static final float SAME_SCORE = 1e-5f;

  /** The backend under test. */
  protected abstract BackendProvider provider();

  /** The training configuration, e.g. the recipe the default run uses. */
  protected abstract TrainingConfig config();

  /**
   * Whether the trained model is expected to score some unseen movies above the top of the scale,
   * where ranking by a clipped score would tie them; true makes the test also demand such users, so
   * that it can see a clipped ranking.
   */
  protected boolean expectsScoresAboveTheScale() {
    return false;
  }

  @Test
  void recommend_everyUserOfU1_listsTheUnratedCatalogByRawScore() throws IOException {
    Fold fold = SharedDatasets.ml100kFold(1);
    Map<Integer, Set<Integer>> rated = moviesByUser(fold.train());
    int usersAboveScale = 0;
    try (Model model = provider().newTrainer().train(fold.train(), config())) {
      RatingScale scale = model.scale();
      int catalog = model.movies().size();
      for (Map.Entry<Integer, Set<Integer>> user : rated.entrySet()) {
        List<Recommendation> list = model.recommend(user.getKey(), catalog);

        assertThat(list)
            .as("user %d's list", user.getKey())
            .hasSize(catalog - user.getValue().size())
            .extracting(Recommendation::rawMovieId)
            .doesNotContainAnyElementsOf(user.getValue());
        float[] rankingScores =
            model.rankingScores(
                user.getKey(), list.stream().mapToInt(Recommendation::rawMovieId).toArray());
        for (int i = 0; i < list.size(); i++) {
          Recommendation current = list.get(i);
          assertThat(current.score()).isEqualTo(rankingScores[i]);
          if (model.rankingScore().isRatingEstimate()) {
            assertThat(current.predictedRating()).isEqualTo(scale.clip(current.score()));
          }
          if (i > 0) {
            Recommendation previous = list.get(i - 1);
            assertThat(previous.score())
                .as("user %d, raw score at rank %d against rank %d", user.getKey(), i, i + 1)
                .isGreaterThanOrEqualTo(current.score());
            if (previous.score() == current.score()) {
              assertThat(previous.rawMovieId()).isLessThan(current.rawMovieId());
            }
          }
          if (i < CHECKED_AGAINST_PREDICT) {
            assertThat(current.predictedRating())
                .isCloseTo(model.predict(user.getKey(), current.rawMovieId()), within(SAME_SCORE));
          }
        }
        if (list.size() > 1 && list.get(1).score() > scale.max()) {
          usersAboveScale++;
        }
      }
    }
    if (expectsScoresAboveTheScale()) {
      assertThat(usersAboveScale)
          .as("users whose two best unseen movies both score above the scale")
          .isPositive();
    }
  }

  private static Map<Integer, Set<Integer>> moviesByUser(RatingDataset ratings) {
    Map<Integer, Set<Integer>> movies = new HashMap<>();
    for (int row = 0; row < ratings.size(); row++) {
      movies
          .computeIfAbsent(ratings.rawUserId(row), user -> new HashSet<>())
          .add(ratings.rawMovieId(row));
    }
    return movies;
  }
}
