package org.movierec.core.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.movierec.core.bias.Biases;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Model;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.ScoringModel;
import org.movierec.core.model.TrainedState;
import org.movierec.core.training.TrainingSummary;

class PopularityRecommenderTest {

  /**
   * Movie 10: 6 ratings of 3. Movie 20: 1 rating of 5. Movie 30: 8 ratings of 4. Movie 40: 1 rating
   * of 1. The global mean is 56 / 16 = 3.5. User 1 rated 10 and 30; user 7 only 30.
   */
  private static ColumnarRatings train() {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    for (int user = 1; user <= 6; user++) {
      builder.add(user, 10, 3, 0);
    }
    builder.add(2, 20, 5, 0);
    for (int user = 1; user <= 8; user++) {
      builder.add(user, 30, 4, 0);
    }
    builder.add(5, 40, 1, 0);
    return builder.build();
  }

  /** A model whose own scores play no part in popularity. */
  private static Model model() {
    ColumnarRatings train = train();
    TrainedState state =
        TrainedState.of(
            train,
            Biases.fit(train, 1, 1, 1),
            new ModelInfo(
                "none", "test", "none", Map.of(), new TrainingSummary(0, 0, 0, 0, List.of())));
    return new ScoringModel(state, ColdStartPolicy.ERROR) {
      @Override
      protected void scoreKnown(int[] users, int[] movies, int count, float[] out) {
        throw new AssertionError("popularity must not ask the model to score");
      }

      @Override
      protected void writeBackendSections(ModelFileWriter out) {}

      @Override
      public void close() {}
    };
  }

  @Test
  void mostRated_newUser_listsByNumberOfRatingsTiesToTheLowerId() {
    List<Recommendation> list = PopularityRecommender.mostRated(model()).recommend(99, 10);

    assertThat(list).extracting(Recommendation::rawMovieId).containsExactly(30, 10, 20, 40);
    assertThat(list).extracting(Recommendation::score).containsExactly(8f, 6f, 1f, 1f);
  }

  @Test
  void bestRated_priorOfTenRatings_shrinksFewRatingsTowardTheGlobalMean() {
    List<Recommendation> list = PopularityRecommender.bestRated(model(), 10).recommend(99, 10);

    // 30: (32 + 35) / 18 = 3.72 beats 20: (5 + 35) / 11 = 3.64 despite the latter's 5-star mean
    assertThat(list).extracting(Recommendation::rawMovieId).containsExactly(30, 20, 10, 40);
    assertThat(list.get(0).score()).isCloseTo(67f / 18, within(1e-5f));
    assertThat(list.get(0).predictedRating()).isEqualTo(list.get(0).score());
    assertThat(PopularityRecommender.bestRated(model(), 0).recommend(99, 1))
        .extracting(Recommendation::rawMovieId)
        .containsExactly(20);
  }

  @Test
  void recommend_knownUser_leavesOutTheirRatedMoviesAndHonoursTheRequest() {
    PopularityRecommender mostRated = PopularityRecommender.mostRated(model());

    assertThat(mostRated.recommend(1, 10))
        .extracting(Recommendation::rawMovieId)
        .containsExactly(20, 40);
    RecommendRequest popularOnly = RecommendRequest.builder().setCount(10).optMinRatings(2).build();
    assertThat(mostRated.recommend(7, popularOnly))
        .extracting(Recommendation::rawMovieId)
        .containsExactly(10);
  }

  @Test
  void bestRated_negativePrior_isRejected() {
    assertThatThrownBy(() -> PopularityRecommender.bestRated(model(), -1))
        .hasMessageContaining("-1");
  }
}
