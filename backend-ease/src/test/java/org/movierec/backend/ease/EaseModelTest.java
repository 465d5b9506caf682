package org.movierec.backend.ease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.movierec.core.bias.Biases;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.SyntheticRatings;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingDatasets;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.SimilarMovie;
import org.movierec.core.model.UnknownIdException;

class EaseModelTest {

  private static final TrainingConfig CONFIG =
      TrainingConfig.builder().set(Keys.BACKEND, "ease").set(Keys.EASE_LAMBDA, 20.0).build();

  private final ColumnarRatings input = RatingDatasets.compact(SyntheticRatings.create().train());
  private final EaseModel model = (EaseModel) new EaseTrainer().train(input, CONFIG);

  @Test
  void rankingScores_knownUser_areTheirBinaryRowTimesTheWeights() {
    EaseWeights weights = model.weights();
    int n = model.movies().size();
    for (int user = 0; user < model.users().size(); user += 7) {
      int raw = model.users().rawId(user);
      int[] rated = model.state().rated().moviesOf(user);
      float[] scores = model.rankingScores(raw, model.movies().rawIds());
      for (int j = 0; j < n; j++) {
        double expected = 0;
        for (int i : rated) {
          expected += weights.weight(i, j);
        }
        assertThat((double) scores[j]).isCloseTo(expected, within(1e-5));
      }
    }
    assertThat(model.rankingScore().name()).isEqualTo("ease_score");
  }

  @Test
  void predict_knownPair_isTheClippedBiasEstimateOfTheWholeInput() {
    Biases biases = Biases.fit(input, CONFIG);
    for (int row = 0; row < input.size(); row += 11) {
      assertThat(model.predict(input.rawUserId(row), input.rawMovieId(row)))
          .isEqualTo(
              input.scale().clip(biases.estimate(input.userIndex(row), input.movieIndex(row))));
    }
  }

  @Test
  void recommend_knownUser_isOrderedByTheEaseScoreNotThePredictedRating() {
    int raw = model.users().rawId(3);
    List<Recommendation> list = model.recommend(raw, SyntheticRatings.MOVIES);
    List<Float> byScore = list.stream().map(Recommendation::score).toList();
    List<Float> sorted = new ArrayList<>(byScore);
    sorted.sort(Collections.reverseOrder());

    assertThat(byScore).isEqualTo(sorted);
    List<Float> predicted = list.stream().map(Recommendation::predictedRating).toList();
    List<Float> predictedSorted = new ArrayList<>(predicted);
    predictedSorted.sort(Collections.reverseOrder());
    assertThat(predicted)
        .as("the synthetic data makes the two orders differ for this user")
        .isNotEqualTo(predictedSorted);
  }

  @Test
  void foldIn_aTrainedUsersRatingsShuffled_givesExactlyTheirListAndScores() {
    int user = 5;
    int raw = model.users().rawId(user);
    List<MovieRating> ratings = new ArrayList<>();
    for (int row = 0; row < input.size(); row++) {
      if (input.userIndex(row) == user) {
        ratings.add(new MovieRating(input.rawMovieId(row), input.rating(row)));
      }
    }
    Collections.reverse(ratings);

    FoldedUser folded = model.foldIn(ratings);

    int[] movies = model.movies().rawIds();
    assertThat(folded.rankingScores(movies)).containsExactly(model.rankingScores(raw, movies));
    assertThat(folded.recommend(10))
        .extracting(Recommendation::rawMovieId)
        .containsExactlyElementsOf(
            model.recommend(raw, 10).stream().map(Recommendation::rawMovieId).toList());
  }

  @Test
  void similarMovies_anyMovie_isThePartialCorrelationOfTheRegularizedGramMatrix() {
    int n = model.movies().size();
    double lambda = CONFIG.get(Keys.EASE_LAMBDA);
    DMatrixRMaj precision = new DMatrixRMaj(n, n);
    for (int user = 0; user < model.users().size(); user++) {
      int[] rated = model.state().rated().moviesOf(user);
      for (int i : rated) {
        for (int j : rated) {
          precision.add(i, j, 1);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      precision.add(i, i, lambda);
    }
    assertThat(CommonOps_DDRM.invert(precision)).isTrue();
    int movie = 4;
    int raw = model.movies().rawId(movie);

    List<SimilarMovie> similar = model.similarMovies(raw, n);

    assertThat(similar).hasSize(n - 1);
    for (SimilarMovie other : similar) {
      int j = model.movies().indexOf(other.rawMovieId());
      double expected =
          -precision.get(movie, j) / Math.sqrt(precision.get(movie, movie) * precision.get(j, j));
      assertThat((double) other.similarity()).isCloseTo(expected, within(1e-5));
      assertThat(model.similarMovies(other.rawMovieId(), n))
          .as("symmetric")
          .filteredOn(back -> back.rawMovieId() == raw)
          .singleElement()
          .satisfies(back -> assertThat(back.similarity()).isEqualTo(other.similarity()));
    }
    assertThatThrownBy(() -> model.similarMovies(SyntheticRatings.UNKNOWN_MOVIE, 3))
        .isInstanceOf(UnknownIdException.class);
  }

  @Test
  void train_largerLambda_shrinksTheWeights() {
    RatingDataset train = SyntheticRatings.create().train();
    try (Model strong =
        new EaseTrainer().train(train, CONFIG.toBuilder().set(Keys.EASE_LAMBDA, 2000.0).build())) {
      EaseWeights loose = model.weights();
      EaseWeights tight = ((EaseModel) strong).weights();
      double looseSum = 0;
      double tightSum = 0;
      for (int i = 0; i < loose.movies(); i++) {
        for (int j = 0; j < loose.movies(); j++) {
          looseSum += Math.abs(loose.weight(i, j));
          tightSum += Math.abs(tight.weight(i, j));
        }
      }
      assertThat(tightSum).isLessThan(looseSum / 5);
      assertThat(strong.info().architecture()).contains("lambda=2000");
    }
  }

  @Test
  void predict_afterClose_fails() {
    model.close();
    assertThatThrownBy(() -> model.predict(model.users().rawId(0), model.movies().rawId(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
