package org.movierec.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.movierec.core.bias.Biases;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.training.TrainingSummary;

/**
 * {@link ScoringModel#foldIn} and {@link ScoringModel#similarMovies} on small models: one whose
 * scores are its bias estimate, and one that adds movie vectors in the plane.
 */
class ScoringModelFoldInTest {

  private static final double REG_USER = 3;

  /** Ten users rate movies 1..8, movie m getting {@code 1 + (m + u) % 5} stars. */
  private static ColumnarRatings train() {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    for (int user = 1; user <= 10; user++) {
      for (int movie = 1; movie <= 8; movie++) {
        if ((user + movie) % 3 != 0) {
          builder.add(user, movie, 1 + (movie + user) % 5, 0);
        }
      }
    }
    return builder.build();
  }

  /** The bias estimate as a model, with movie vectors when given. */
  private static final class BiasModel extends ScoringModel {
    private final MovieVectors vectors;

    BiasModel(TrainedState state, ColdStartPolicy policy, MovieVectors vectors) {
      super(state, policy);
      this.vectors = vectors;
    }

    @Override
    protected void scoreKnown(int[] denseUsers, int[] denseMovies, int count, float[] out) {
      for (int i = 0; i < count; i++) {
        out[i] = state().biases().estimate(denseUsers[i], denseMovies[i]);
      }
    }

    @Override
    protected Optional<MovieVectors> movieVectors() {
      return Optional.ofNullable(vectors);
    }

    @Override
    protected void writeBackendSections(ModelFileWriter out) {}

    @Override
    public void close() {}
  }

  private static final ColumnarRatings TRAIN = train();
  private static final Biases BIASES = Biases.fit(TRAIN, REG_USER, 2, 10);

  private static BiasModel model(ColdStartPolicy policy, MovieVectors vectors) {
    return new BiasModel(
        TrainedState.of(
            TRAIN,
            BIASES,
            new ModelInfo(
                "biases",
                "test",
                "mean + user + movie",
                Map.of("bias_reg_user", String.valueOf(REG_USER)),
                new TrainingSummary(0, 0, 0, 0, List.of()))),
        policy,
        vectors);
  }

  private final BiasModel model = model(ColdStartPolicy.FALLBACK, null);

  @Test
  void foldIn_biasModel_fitsTheUserBiasWithTheModelsRegularization() {
    List<MovieRating> given =
        List.of(new MovieRating(2, 5), new MovieRating(5, 4), new MovieRating(7, 5));
    double sum = 0;
    for (MovieRating rating : given) {
      sum += rating.rating() - BIASES.estimate(-1, TRAIN.movies().indexOf(rating.rawMovieId()));
    }
    float bias = (float) (sum / (REG_USER + given.size()));

    FoldedUser user = model.foldIn(given);

    assertThat(user.fittedRatings()).isEqualTo(3);
    for (int movie = 1; movie <= 8; movie++) {
      float expected =
          RatingScale.WHOLE_STARS.clip(BIASES.estimate(-1, TRAIN.movies().indexOf(movie)) + bias);
      assertThat(user.predict(movie)).as("movie %d", movie).isCloseTo(expected, within(1e-5f));
    }
    assertThat(user.predict(999))
        .as("a movie the model does not know: mean plus the user's bias")
        .isCloseTo(RatingScale.WHOLE_STARS.clip(BIASES.globalMean() + bias), within(1e-5f));
  }

  @Test
  void foldIn_biasModel_sumsAsAKnownUsersEstimateDoes() {
    for (int pattern = 1; pattern <= 10; pattern++) {
      List<MovieRating> given = new ArrayList<>();
      int[] dense = new int[8];
      float[] stars = new float[8];
      for (int movie = 1; movie <= 8; movie++) {
        if ((pattern * movie) % 4 != 1) {
          float rating = 1 + (movie * pattern) % 5;
          dense[given.size()] = TRAIN.movies().indexOf(movie);
          stars[given.size()] = rating;
          given.add(new MovieRating(movie, rating));
        }
      }
      float bias =
          BIASES.fitUserBias(
              Arrays.copyOf(dense, given.size()), Arrays.copyOf(stars, given.size()), REG_USER);

      FoldedUser newUser = model.foldIn(given);

      for (int movie = 1; movie <= 8; movie++) {
        float known = BIASES.estimateWithUserBias(bias, TRAIN.movies().indexOf(movie));
        assertThat(newUser.predict(movie))
            .as("ratings pattern %d, movie %d", pattern, movie)
            .isEqualTo(RatingScale.WHOLE_STARS.clip(known));
      }
    }
  }

  @Test
  void foldIn_recommend_leavesOutTheGivenMoviesBestFirst() {
    FoldedUser user = model.foldIn(List.of(new MovieRating(3, 1), new MovieRating(8, 2)));

    List<Recommendation> all = user.recommend(100);

    assertThat(all).extracting(Recommendation::rawMovieId).hasSize(6).doesNotContain(3, 8);
    for (int i = 1; i < all.size(); i++) {
      assertThat(all.get(i - 1).score()).isGreaterThanOrEqualTo(all.get(i).score());
    }
    assertThat(user.recommend(RecommendRequest.builder().setCount(10).optExclude(1, 2).build()))
        .extracting(Recommendation::rawMovieId)
        .doesNotContain(1, 2, 3, 8);
  }

  @Test
  void foldIn_lowerRatings_lowerPredictions() {
    FoldedUser fan = model.foldIn(List.of(new MovieRating(1, 5), new MovieRating(4, 5)));
    FoldedUser critic = model.foldIn(List.of(new MovieRating(1, 1), new MovieRating(4, 1)));

    assertThat(fan.predict(6)).isGreaterThan(critic.predict(6));
  }

  @Test
  void foldIn_unknownMovieUnderErrorPolicy_predictThrowsButFitIgnoresIt() {
    BiasModel strict = model(ColdStartPolicy.ERROR, null);
    FoldedUser user = strict.foldIn(List.of(new MovieRating(999, 5), new MovieRating(1, 4)));

    assertThat(user.fittedRatings()).isEqualTo(1);
    assertThat(user.ratings()).hasSize(2);
    assertThatThrownBy(() -> user.predict(999))
        .isInstanceOf(UnknownIdException.class)
        .hasMessageContaining("999");
  }

  @Test
  void foldIn_repeatedOrOffScaleRatings_namesTheMovie() {
    assertThatThrownBy(() -> model.foldIn(List.of(new MovieRating(4, 3), new MovieRating(4, 5))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("movie 4 is rated twice");
    assertThatThrownBy(() -> model.foldIn(List.of(new MovieRating(6, 0.5f))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rating 0.5 of movie 6 is outside the model's scale 1.0..5.0");
    assertThatThrownBy(() -> new MovieRating(6, Float.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("movie 6");
  }

  @Test
  void similarMovies_withoutMovieVectors_saysTheBackendCannot() {
    assertThatThrownBy(() -> model.similarMovies(1, 3))
        .isInstanceOf(UnsupportedByModelException.class)
        .hasMessageContaining("biases model learns no movie vectors");
  }

  @Test
  void similarMovies_vectorsInThePlane_rankByAngleWithoutTheMovieItself() {
    float[] table = new float[16];
    for (int m = 0; m < 8; m++) {
      double angle = Math.toRadians(20 * TRAIN.movies().rawId(m));
      table[2 * m] = (float) (Math.cos(angle) * (m + 1));
      table[2 * m + 1] = (float) (Math.sin(angle) * (m + 1));
    }
    BiasModel withVectors = model(ColdStartPolicy.FALLBACK, MovieVectors.normalize(table, 2));

    List<SimilarMovie> similar = withVectors.similarMovies(4, 3);

    assertThat(similar).extracting(SimilarMovie::rawMovieId).containsExactly(3, 5, 2);
    assertThat(similar.get(0).similarity()).isCloseTo(similar.get(1).similarity(), within(1e-5f));
    assertThat(
            withVectors.similarMovies(
                4, RecommendRequest.builder().setCount(2).optExclude(3).build()))
        .extracting(SimilarMovie::rawMovieId)
        .containsExactly(5, 2);
    assertThatThrownBy(() -> withVectors.similarMovies(999, 3))
        .isInstanceOf(UnknownIdException.class)
        .hasMessageContaining("movie 999")
        .hasMessageContaining("similar movies need a movie the model was trained on");
  }
}
