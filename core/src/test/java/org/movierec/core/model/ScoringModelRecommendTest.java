package org.movierec.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.bias.Biases;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.data.MovieInfo;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.training.TrainingSummary;

/**
 * {@link ScoringModel#recommend(int, RecommendRequest)} on a model whose raw score is {@code 4 +
 * movie / 10}, so every movie from 11 on scores above the 1..5 scale and ranking by the clipped
 * score would list them in id order.
 */
class ScoringModelRecommendTest {

  /** Users 1 and 2 rate movies 1..4; user 1 also 20, user 2 also 30; movies 1..40 exist. */
  private static ColumnarRatings train() {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    for (int movie = 1; movie <= 40; movie++) {
      builder.add(3, movie, 1 + movie % 5, 0);
    }
    for (int movie = 1; movie <= 4; movie++) {
      builder.add(1, movie, 5, 0);
      builder.add(2, movie, 4, 0);
    }
    builder.add(1, 20, 2, 0);
    builder.add(2, 30, 3, 0);
    builder.add(2, 30, 5, 0);
    return builder.build();
  }

  /** Scores {@code 4 + rawMovie / 10} for every user. */
  private static final class LinearModel extends ScoringModel {
    LinearModel(TrainedState state, ColdStartPolicy policy) {
      super(state, policy);
    }

    @Override
    protected void scoreKnown(int[] denseUsers, int[] denseMovies, int count, float[] out) {
      for (int i = 0; i < count; i++) {
        out[i] = 4 + movies().rawId(denseMovies[i]) / 10f;
      }
    }

    @Override
    protected void writeBackendSections(ModelFileWriter out) {}

    @Override
    public void close() {}
  }

  private static TrainedState state() {
    ColumnarRatings train = train();
    return TrainedState.of(
        train,
        Biases.fit(train, 1, 1, 3),
        new ModelInfo(
            "linear",
            "test",
            "4 + movie / 10",
            Map.of(),
            new TrainingSummary(0, 0, 0, 0, List.of())));
  }

  private final LinearModel model = new LinearModel(state(), ColdStartPolicy.ERROR);

  @Test
  void recommend_scoresAboveTheScale_rankByRawScoreAndShowTheClippedRating() {
    List<Recommendation> top = model.recommend(1, 3);

    assertThat(top).extracting(Recommendation::rawMovieId).containsExactly(40, 39, 38);
    assertThat(top.get(0).score()).isEqualTo(8f);
    assertThat(top).extracting(Recommendation::predictedRating).containsOnly(5f);
  }

  @Test
  void recommend_everyMovie_leavesOutExactlyTheUsersTrainingMovies() {
    List<Recommendation> all = model.recommend(2, 1000);

    assertThat(all).hasSize(40 - 5);
    assertThat(all)
        .extracting(Recommendation::rawMovieId)
        .doesNotContain(1, 2, 3, 4, 30)
        .contains(20);
    assertThat(model.ratedMovies(2)).containsExactly(1, 2, 3, 4, 30);
    assertThat(model.ratedMovies(77)).isEmpty();
  }

  @Test
  void recommend_countBeyondTheCatalog_listsEveryAdmissibleMovie() {
    assertThat(model.recommend(1, Integer.MAX_VALUE)).hasSize(40 - 5);
    assertThat(model.recommend(1, 0)).isEmpty();
  }

  @Test
  void recommend_exclusionsFilterAndFloor_areAllHonoured() {
    RecommendRequest request =
        RecommendRequest.builder()
            .setCount(4)
            .optExclude(40, 38)
            .optFilter(movie -> movie % 2 == 0)
            .optMinRatings(2)
            .build();

    // movie 30 has ratings from users 2 and 3, movie 20 from 1 and 3; the rest only from user 3
    assertThat(model.recommend(2, request))
        .extracting(Recommendation::rawMovieId)
        .containsExactly(20);
    assertThat(model.recommend(1, request))
        .extracting(Recommendation::rawMovieId)
        .containsExactly(30);
  }

  @Test
  void recommend_genreFilterFromACatalog_listsOnlyThatGenre() {
    MovieCatalog catalog =
        MovieCatalog.of(
            List.of(
                new MovieInfo(12, "Twelve", OptionalInt.empty(), List.of("Drama")),
                new MovieInfo(25, "Twenty-five", OptionalInt.empty(), List.of("Drama")),
                new MovieInfo(33, "Thirty-three", OptionalInt.empty(), List.of("Comedy"))));
    RecommendRequest dramas =
        RecommendRequest.builder()
            .setCount(10)
            .optFilter(MovieFilter.genre(catalog, "drama"))
            .build();

    assertThat(model.recommend(1, dramas))
        .extracting(Recommendation::rawMovieId)
        .containsExactly(25, 12);
  }

  @Test
  void recommend_unknownUser_followsThePolicy() {
    assertThatThrownBy(() -> model.recommend(99, 3)).isInstanceOf(UnknownIdException.class);

    LinearModel lenient = new LinearModel(state(), ColdStartPolicy.FALLBACK);
    List<Recommendation> forNewUser = lenient.recommend(99, 40);
    assertThat(forNewUser).hasSize(40);
    for (Recommendation recommendation : forNewUser) {
      assertThat(recommendation.predictedRating())
          .isEqualTo(lenient.predict(99, recommendation.rawMovieId()));
    }
  }

  @Test
  void popularity_countsDistinctRatersAndAveragesEveryRating() {
    MoviePopularity popularity = model.popularity();

    assertThat(popularity.count(30)).isEqualTo(2);
    assertThat(popularity.count(1)).isEqualTo(3);
    assertThat(popularity.count(999)).isZero();
    int movie30 = popularity.movies().indexOf(30);
    assertThat(popularity.meanAt(movie30)).isEqualTo((1 + 3 + 5) / 3f);
    assertThat(popularity.hasMeans()).isTrue();
  }

  @Test
  void saveThenLoad_popularitySection_survivesAndOldFilesLoadWithoutMeans(@TempDir Path dir)
      throws IOException {
    TrainedState state = state();
    Path file = dir.resolve("m.mrec");
    ModelFileWriter out = ModelFile.writer("linear");
    state.writeTo(out);
    out.writeTo(file);

    TrainedState loaded = TrainedState.readFrom(ModelFile.read(file));
    int movie = state.movies().indexOf(30);
    assertThat(loaded.popularity().meanAt(movie)).isEqualTo(state.popularity().meanAt(movie));
    assertThat(loaded.popularity().count(30)).isEqualTo(2);

    Path old = dir.resolve("old.mrec");
    ModelFile written = ModelFile.read(file);
    ModelFileWriter withoutMeans = ModelFile.writer("linear");
    for (String name : written.sectionNames()) {
      if (!name.equals("popularity")) {
        withoutMeans.section(name, written.section(name));
      }
    }
    withoutMeans.writeTo(old);
    MoviePopularity counts = TrainedState.readFrom(ModelFile.read(old)).popularity();
    assertThat(counts.hasMeans()).isFalse();
    assertThat(counts.count(30)).isEqualTo(2);
    assertThat(Files.size(old)).isLessThan(Files.size(file));
  }
}
