package org.movierec.core.pair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.SyntheticRatings;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.UnsupportedByModelException;
import org.movierec.core.testbackend.ForwardingModel;
import org.movierec.core.testbackend.MeanBiasTestModel;
import org.movierec.core.testbackend.MeanBiasTestTrainer;
import org.movierec.core.testbackend.RankedMeanBiasTestModel;

/**
 * The pair's delegation, with a ranking model whose order is not its rating estimate's and a rating
 * model whose stars differ from the ranking model's: lists come from the one, stars from the other,
 * and models that did not learn from the same ratings are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PairedModelTest {

  private static final TrainingConfig RANKING_CONFIG = TrainingConfig.builder().build();

  /** Unregularised biases, so that the rating model's stars differ from the ranking model's. */
  private static final TrainingConfig RATING_CONFIG =
      TrainingConfig.builder().set(Keys.BIAS_REG_USER, 0.0).set(Keys.BIAS_REG_MOVIE, 0.0).build();

  private SyntheticRatings data;
  private Model ranking;
  private Model rating;
  private PairedModel pair;

  @BeforeAll
  void train() {
    data = SyntheticRatings.create();
    ranking = ranker(data.train());
    rating = rater(data.train(), RATING_CONFIG);
    pair = pair(ranking, rating);
  }

  @AfterAll
  void close() {
    pair.close();
  }

  @Test
  void recommend_knownUsersWithARequest_isTheRankingModelsListWithTheRatingModelsStars() {
    RecommendRequest request =
        RecommendRequest.builder()
            .setCount(12)
            .optFilter(movie -> movie % 3 != 0)
            .optMinRatings(5)
            .build();
    int differing = 0;
    for (int user : SyntheticRatings.knownUsers()) {
      List<Recommendation> ranked = ranking.recommend(user, request);
      List<Recommendation> paired = pair.recommend(user, request);

      assertThat(paired).extracting(Recommendation::rawMovieId).isEqualTo(ids(ranked));
      assertThat(paired)
          .extracting(Recommendation::score)
          .isEqualTo(ranked.stream().map(Recommendation::score).toList());
      for (int i = 0; i < paired.size(); i++) {
        int movie = paired.get(i).rawMovieId();
        assertThat(paired.get(i).predictedRating()).isEqualTo(rating.predict(user, movie));
        differing += paired.get(i).predictedRating() != ranked.get(i).predictedRating() ? 1 : 0;
      }
    }
    assertThat(differing).as("entries whose stars the two models answer differently").isPositive();
  }

  @Test
  void recommend_unknownUserUnderFallback_isTheRankingModelsColdListWithTheRatingModelsStars() {
    List<Recommendation> ranked = ranking.recommend(SyntheticRatings.UNKNOWN_USER, 10);
    List<Recommendation> paired = pair.recommend(SyntheticRatings.UNKNOWN_USER, 10);

    assertThat(paired).extracting(Recommendation::rawMovieId).isEqualTo(ids(ranked));
    for (Recommendation entry : paired) {
      assertThat(entry.predictedRating())
          .isEqualTo(rating.predict(SyntheticRatings.UNKNOWN_USER, entry.rawMovieId()));
    }
  }

  @Test
  void predictAndRankingScores_anyPairs_comeFromTheRatingAndTheRankingModel() {
    int[] users = SyntheticRatings.pairUsers();
    int[] movies = SyntheticRatings.pairMovies();
    int user = SyntheticRatings.rawUser(3);
    int[] catalog = pair.movies().rawIds();

    assertThat(pair.predict(users, movies)).containsExactly(rating.predict(users, movies));
    assertThat(pair.predict(user, catalog[0])).isEqualTo(rating.predict(user, catalog[0]));
    assertThat(pair.predict(users, movies)).isNotEqualTo(ranking.predict(users, movies));
    assertThat(pair.rankingScores(user, catalog))
        .containsExactly(ranking.rankingScores(user, catalog));
    assertThat(pair.rankingScore()).isEqualTo(ranking.rankingScore());
    assertThat(pair.info()).isEqualTo(ranking.info());
    assertThat(pair.ratedMovies(user)).isEqualTo(ranking.ratedMovies(user));
  }

  @Test
  void rankingScore_rankingModelRanksByItsEstimate_isNamedAsTheRankingModelsEstimate() {
    try (PairedModel twoRaters =
        pair(rater(data.train(), RANKING_CONFIG), rater(data.train(), RATING_CONFIG))) {
      assertThat(twoRaters.rankingScore()).isEqualTo(PairedModel.RANKING_MODEL_ESTIMATE);
      assertThat(twoRaters.rankingScore().isRatingEstimate()).isFalse();
    }
  }

  @Test
  void foldIn_aNewUser_isFoldedIntoBothModels() {
    List<MovieRating> given = ratingsOf(data.train(), SyntheticRatings.rawUser(7));
    FoldedUser rankingUser = ranking.foldIn(given);
    FoldedUser ratingUser = rating.foldIn(given);
    FoldedUser paired = pair.foldIn(given);
    int[] catalog = pair.movies().rawIds();

    List<Recommendation> list = paired.recommend(SyntheticRatings.MOVIES);
    assertThat(list)
        .extracting(Recommendation::rawMovieId)
        .isEqualTo(ids(rankingUser.recommend(SyntheticRatings.MOVIES)));
    int[] listed = list.stream().mapToInt(Recommendation::rawMovieId).toArray();
    float[] stars = ratingUser.predict(listed);
    for (int i = 0; i < list.size(); i++) {
      assertThat(list.get(i).predictedRating()).isEqualTo(stars[i]);
    }
    assertThat(paired.predict(catalog)).containsExactly(ratingUser.predict(catalog));
    assertThat(paired.rankingScores(catalog)).containsExactly(rankingUser.rankingScores(catalog));
    assertThat(paired.ratings()).isEqualTo(given);
    assertThat(paired.fittedRatings()).isEqualTo(given.size());
  }

  @Test
  void build_ratingModelKnowsFewerMovies_namesBothFilesAndBothCounts() {
    int dropped = SyntheticRatings.rawMovie(5);
    try (Model fewer =
        rater(
            copy(data.train(), RatingScale.WHOLE_STARS, row -> true, m -> m, m -> m != dropped),
            RATING_CONFIG)) {
      assertThatThrownBy(() -> pair(ranking, fewer))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("rank.mrec knows 40 movies, tuned.mrec 39")
          .hasMessageContaining("train both on the same ratings");
    }
  }

  @Test
  void build_sameCountOfOtherMovies_namesTheMoviesOnlyOneModelKnows() {
    int renamed = SyntheticRatings.rawMovie(2);
    try (Model other =
        rater(
            copy(
                data.train(),
                RatingScale.WHOLE_STARS,
                row -> true,
                m -> m == renamed ? 777_777 : m,
                m -> true),
            RATING_CONFIG)) {
      assertThatThrownBy(() -> pair(ranking, other))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(
              "rank.mrec and tuned.mrec both know 40 movies, but not the same ones")
          .hasMessageContaining("1 only in rank.mrec, such as " + renamed)
          .hasMessageContaining("1 only in tuned.mrec, such as 777777");
    }
  }

  @Test
  void build_usersAndScaleDiffer_reportsEveryDifferenceAtOnce() {
    RatingDataset train = data.train();
    int dropped = SyntheticRatings.rawUser(4);
    try (Model other =
        rater(
            copy(
                train,
                RatingScale.HALF_STARS,
                row -> train.rawUserId(row) != dropped,
                m -> m,
                m -> true),
            RATING_CONFIG)) {
      assertThatThrownBy(() -> pair(ranking, other))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("rank.mrec knows 60 users, tuned.mrec 59")
          .hasMessageContaining("rank.mrec rates on the scale " + RatingScale.WHOLE_STARS)
          .hasMessageContaining("tuned.mrec on " + RatingScale.HALF_STARS);
    }
  }

  @Test
  void build_otherColdStartPolicy_saysToLoadBothWithTheSameSetting() {
    TrainingConfig strict =
        RATING_CONFIG.toBuilder().set(Keys.COLD_START, ColdStartPolicy.ERROR).build();
    try (Model other = rater(data.train(), strict)) {
      assertThatThrownBy(() -> pair(ranking, other))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cold_start=fallback")
          .hasMessageContaining("tuned.mrec with cold_start=error")
          .hasMessageContaining("load both with the same setting")
          .hasMessageNotContaining("train both");
    }
  }

  @Test
  void build_withoutARatingModelOrWithOneModelTwice_isRefused() {
    assertThatThrownBy(() -> PairedModel.builder().setRankingModel(ranking, "rank.mrec").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("setRatingModel is required");
    assertThatThrownBy(() -> pair(ranking, ranking))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rank.mrec is both the ranking and the rating model");
  }

  @Test
  void save_aPair_refusesNamingBothFiles() {
    assertThatThrownBy(() -> pair.save(Path.of("pair.mrec")))
        .isInstanceOf(UnsupportedByModelException.class)
        .hasMessageContaining("rank.mrec orders lists")
        .hasMessageContaining("tuned.mrec predicts ratings");
  }

  @Test
  void close_rankingModelFailsToClose_stillClosesTheRatingModel() {
    Model rater = rater(data.train(), RATING_CONFIG);
    Model failing =
        new ForwardingModel(ranker(data.train())) {
          @Override
          public void close() {
            throw new IllegalStateException("engine gone");
          }
        };
    PairedModel closing = pair(failing, rater);

    assertThatThrownBy(closing::close).hasMessage("engine gone");
    assertThatThrownBy(
            () -> rater.predict(SyntheticRatings.rawUser(0), SyntheticRatings.rawMovie(0)))
        .hasMessageContaining("closed");
  }

  private static PairedModel pair(Model ranking, Model rating) {
    return PairedModel.builder()
        .setRankingModel(ranking, "rank.mrec")
        .setRatingModel(rating, "tuned.mrec")
        .build();
  }

  private static Model ranker(RatingDataset train) {
    return new MeanBiasTestTrainer("ranked", RankedMeanBiasTestModel::new)
        .train(train, RANKING_CONFIG);
  }

  private static Model rater(RatingDataset train, TrainingConfig config) {
    return new MeanBiasTestTrainer("rater", MeanBiasTestModel::new).train(train, config);
  }

  /** The rows {@code keep} admits whose movie {@code keepMovie} admits, movies renamed. */
  private static ColumnarRatings copy(
      RatingDataset ratings,
      RatingScale scale,
      IntPredicate keep,
      IntUnaryOperator renameMovie,
      IntPredicate keepMovie) {
    RatingsBuilder builder = new RatingsBuilder(scale);
    for (int row = 0; row < ratings.size(); row++) {
      if (keep.test(row) && keepMovie.test(ratings.rawMovieId(row))) {
        builder.add(
            ratings.rawUserId(row),
            renameMovie.applyAsInt(ratings.rawMovieId(row)),
            ratings.rating(row),
            ratings.timestamp(row));
      }
    }
    return builder.build();
  }

  private static List<MovieRating> ratingsOf(RatingDataset ratings, int rawUser) {
    Map<Integer, List<MovieRating>> byUser = new HashMap<>();
    for (int row = 0; row < ratings.size(); row++) {
      byUser
          .computeIfAbsent(ratings.rawUserId(row), user -> new ArrayList<>())
          .add(new MovieRating(ratings.rawMovieId(row), ratings.rating(row)));
    }
    return byUser.get(rawUser);
  }

  private static List<Integer> ids(List<Recommendation> list) {
    return list.stream().map(Recommendation::rawMovieId).toList();
  }
}
