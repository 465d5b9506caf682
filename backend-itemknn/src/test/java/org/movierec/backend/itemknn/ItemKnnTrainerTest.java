package org.movierec.backend.itemknn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.movierec.core.bias.Biases;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.SyntheticRatings;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDatasets;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.SimilarMovie;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingStoppedException;

/**
 * The item-kNN trainer against a dense reference computed here the way the numpy anchor
 * computes it: cosine over the binary who-rated matrix, the K largest of each target column kept,
 * scores summed over the user's rated movies, and the kNN-baseline estimate over the same
 * neighbours.
 */
class ItemKnnTrainerTest {

  private static final float CLOSE = 1e-4f;

  /** Three users, four movies; user 3 loves everything, movie 40 is disliked by all. */
  static ColumnarRatings tiny() {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    builder.add(1, 10, 4, 100).add(1, 20, 3, 101).add(1, 40, 1, 102);
    builder.add(2, 10, 5, 103).add(2, 30, 4, 104).add(2, 40, 2, 105);
    builder.add(3, 20, 5, 106).add(3, 30, 5, 107).add(3, 40, 3, 108);
    return builder.build();
  }

  private static TrainingConfig neighbours(int k) {
    return TrainingConfig.builder()
        .set(Keys.BACKEND, ItemKnnBackendProvider.NAME)
        .set(Keys.NEIGHBOURS, k)
        .build();
  }

  @Test
  void rankingScores_everyUserAndK_matchTheDenseReference() {
    ColumnarRatings data = RatingDatasets.compact(SyntheticRatings.create().train());
    for (int k : new int[] {1, 5, 39, 200}) {
      DenseReference reference = new DenseReference(data, k, 0);
      try (Model model = new ItemKnnTrainer().train(data, neighbours(k))) {
        for (int user = 0; user < data.users().size(); user++) {
          float[] scores = model.rankingScores(data.users().rawId(user), data.movies().rawIds());
          for (int movie = 0; movie < scores.length; movie++) {
            assertThat(scores[movie])
                .as("k %d, user index %d, movie index %d", k, user, movie)
                .isCloseTo((float) reference.score(user, movie), within(CLOSE));
          }
        }
      }
    }
  }

  @Test
  void predict_everyPair_isTheKnnBaselineOverTheKeptNeighbours() {
    ColumnarRatings data = RatingDatasets.compact(SyntheticRatings.create().train());
    TrainingConfig config = neighbours(7);
    DenseReference reference = new DenseReference(data, 7, 0);
    Biases biases = Biases.fit(data, config);
    try (Model model = new ItemKnnTrainer().train(data, config)) {
      int pairs = 0;
      for (int user = 0; user < data.users().size(); user++) {
        for (int movie = 0; movie < data.movies().size(); movie++) {
          double expected = data.scale().clip((float) reference.estimate(biases, user, movie));
          assertThat(model.predict(data.users().rawId(user), data.movies().rawId(movie)))
              .as("user index %d, movie index %d", user, movie)
              .isCloseTo((float) expected, within(CLOSE));
          pairs++;
        }
      }
      assertThat(pairs).isEqualTo(SyntheticRatings.USERS * SyntheticRatings.MOVIES);
    }
  }

  @Test
  void rankingScores_shrinkage_scalesEachCosineByItsCoRaters() {
    ColumnarRatings data = RatingDatasets.compact(SyntheticRatings.create().train());
    TrainingConfig config = neighbours(10).toBuilder().set(Keys.SHRINKAGE, 25.0).build();
    DenseReference reference = new DenseReference(data, 10, 25);
    try (Model model = new ItemKnnTrainer().train(data, config)) {
      for (int user = 0; user < data.users().size(); user += 7) {
        float[] scores = model.rankingScores(data.users().rawId(user), data.movies().rawIds());
        for (int movie = 0; movie < scores.length; movie++) {
          assertThat(scores[movie]).isCloseTo((float) reference.score(user, movie), within(CLOSE));
        }
      }
    }
  }

  @Test
  void similarMovies_anyMovie_areItsKeptNeighboursBySimilarity() {
    ColumnarRatings data = RatingDatasets.compact(SyntheticRatings.create().train());
    DenseReference reference = new DenseReference(data, 5, 0);
    try (Model model = new ItemKnnTrainer().train(data, neighbours(5))) {
      for (int movie = 0; movie < data.movies().size(); movie++) {
        List<SimilarMovie> similar = model.similarMovies(data.movies().rawId(movie), 5);
        assertThat(similar).hasSize(5);
        for (SimilarMovie neighbour : similar) {
          int other = data.movies().indexOf(neighbour.rawMovieId());
          assertThat(reference.kept[other][movie]).as("movie index %d", other).isPositive();
          assertThat(neighbour.similarity())
              .isCloseTo((float) reference.kept[other][movie], within(CLOSE));
        }
      }
    }
  }

  @Test
  void foldIn_aTrainedUsersOwnRatings_ranksAndPredictsAsThatUser() {
    ColumnarRatings data = RatingDatasets.compact(SyntheticRatings.create().train());
    try (Model model = new ItemKnnTrainer().train(data, neighbours(12))) {
      int rawUser = data.users().rawId(9);
      List<MovieRating> given = new ArrayList<>();
      for (int row = 0; row < data.size(); row++) {
        if (data.rawUserId(row) == rawUser) {
          given.add(0, new MovieRating(data.rawMovieId(row), data.rating(row)));
        }
      }
      FoldedUser folded = model.foldIn(given);
      int[] movies = data.movies().rawIds();

      assertThat(folded.rankingScores(movies))
          .containsExactly(model.rankingScores(rawUser, movies));
      assertThat(folded.recommend(10))
          .extracting(Recommendation::rawMovieId)
          .containsExactlyElementsOf(
              model.recommend(rawUser, 10).stream().map(Recommendation::rawMovieId).toList());
      float[] predicted = folded.predict(movies);
      for (int movie = 0; movie < movies.length; movie++) {
        // Only the user's bias differs: fitted alone, with the movie biases held, as training did.
        assertThat(predicted[movie])
            .isCloseTo(model.predict(rawUser, movies[movie]), within(0.05f));
      }
    }
  }

  @Test
  void recommend_tinyData_ranksBySimilaritySumsAndLeavesOutRatedMovies() {
    try (Model model = new ItemKnnTrainer().train(tiny(), neighbours(2))) {
      assertThat(model.rankingScore()).isEqualTo(ItemKnnModel.SIMILARITY_SUM);
      assertThat(model.recommend(1, 10)).extracting(Recommendation::rawMovieId).containsExactly(30);
      assertThat(model.recommend(3, 10)).extracting(Recommendation::rawMovieId).containsExactly(10);
    }
  }

  @Test
  void train_listener_hearsEveryBlockInOrderAndOneEpoch() {
    List<Integer> batches = new ArrayList<>();
    List<TrainingListener.TrainingStart> starts = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onTrainingStart(TrainingStart start) {
            starts.add(start);
          }

          @Override
          public void onBatchEnd(int epoch, int batch, int total, double loss) {
            assertThat(loss).isFinite().isPositive();
            assertThat(total).isEqualTo(starts.get(0).batchesPerEpoch());
            batches.add(batch);
          }
        };
    TrainingConfig config = neighbours(5).toBuilder().set(Keys.VALIDATION_FRACTION, 0.2).build();

    new ItemKnnTrainer()
        .train(SyntheticRatings.create().train(), Optional.empty(), config, listener);

    int blocks = NeighbourBuilder.blocksFor(SyntheticRatings.MOVIES);
    assertThat(starts.get(0).batchesPerEpoch())
        .as("a validation build, then the kept one")
        .isEqualTo(2 * blocks);
    assertThat(batches).hasSize(2 * blocks).isSorted().doesNotHaveDuplicates();
    assertThat(batches.get(0)).isEqualTo(1);
  }

  @Test
  void train_stopRequestedAfterTheValidationBuild_stopsBeforeTheKeptBuild() {
    int blocks = NeighbourBuilder.blocksFor(SyntheticRatings.MOVIES);
    List<Integer> batches = new ArrayList<>();
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onBatchEnd(int epoch, int batch, int total, double loss) {
            batches.add(batch);
          }

          @Override
          public boolean stopRequested() {
            return batches.size() >= blocks;
          }
        };
    TrainingConfig config = neighbours(5).toBuilder().set(Keys.VALIDATION_FRACTION, 0.2).build();

    assertThatThrownBy(
            () ->
                new ItemKnnTrainer()
                    .train(SyntheticRatings.create().train(), Optional.empty(), config, listener))
        .isInstanceOfSatisfying(
            TrainingStoppedException.class, e -> assertThat(e.batch()).isEqualTo(blocks + 1));
    assertThat(batches).hasSize(blocks);
  }

  @Test
  void train_neighboursThatCannotFitTheHeap_failBeforeAnyWorkNamingTheKey() {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    int movies = 60_000;
    for (int movie = 0; movie < movies; movie++) {
      builder.add(movie % 50, movie, 3, movie);
    }
    TrainingConfig config = neighbours(100_000);

    assertThatThrownBy(() -> new ItemKnnTrainer().train(builder.build(), config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("neighbours=100000")
        .hasMessageContaining("lower neighbours or raise the heap");
  }

  @Test
  void train_gpuRequested_saysItemKnnIsCpuOnly() {
    TrainingConfig gpu = neighbours(5).toBuilder().set("device", "gpu").build();
    assertThatThrownBy(() -> new ItemKnnTrainer().train(tiny(), gpu))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("device=gpu")
        .hasMessageContaining("CPU only");
  }

  @Test
  void predict_afterClose_fails() {
    Model model = new ItemKnnTrainer().train(tiny(), neighbours(2));
    model.close();
    assertThatThrownBy(() -> model.predict(1, 10))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  /** The anchor's dense computation, in doubles, over a compacted dataset's dense indices. */
  static final class DenseReference {
    final boolean[][] rated;
    final double[][] ratings;
    final double[][] kept;

    DenseReference(ColumnarRatings data, int k, double shrinkage) {
      int users = data.users().size();
      int movies = data.movies().size();
      rated = new boolean[users][movies];
      ratings = new double[users][movies];
      for (int row = 0; row < data.size(); row++) {
        rated[data.userIndex(row)][data.movieIndex(row)] = true;
        ratings[data.userIndex(row)][data.movieIndex(row)] = data.rating(row);
      }
      double[] raters = new double[movies];
      double[][] together = new double[movies][movies];
      for (int u = 0; u < users; u++) {
        for (int i = 0; i < movies; i++) {
          if (rated[u][i]) {
            raters[i]++;
            for (int j = 0; j < movies; j++) {
              together[i][j] += rated[u][j] ? 1 : 0;
            }
          }
        }
      }
      kept = new double[movies][movies];
      for (int j = 0; j < movies; j++) {
        double[] column = new double[movies];
        for (int i = 0; i < movies; i++) {
          if (i != j && together[i][j] > 0) {
            column[i] = together[i][j] / Math.sqrt(raters[i] * raters[j]);
            if (shrinkage > 0) {
              column[i] *= together[i][j] / (together[i][j] + shrinkage);
            }
          }
        }
        // Keep the k largest, ties to the lower index, as the backend documents.
        Integer[] order = new Integer[movies];
        for (int i = 0; i < movies; i++) {
          order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(column[b], column[a]));
        for (int n = 0; n < Math.min(k, movies); n++) {
          kept[order[n]][j] = column[order[n]];
        }
      }
    }

    double score(int user, int movie) {
      double sum = 0;
      for (int i = 0; i < kept.length; i++) {
        sum += rated[user][i] ? kept[i][movie] : 0;
      }
      return sum;
    }

    double estimate(Biases biases, int user, int movie) {
      double numerator = 0;
      double denominator = 0;
      for (int i = 0; i < kept.length; i++) {
        if (rated[user][i] && kept[i][movie] > 0) {
          numerator += kept[i][movie] * (ratings[user][i] - biases.estimate(user, i));
          denominator += kept[i][movie];
        }
      }
      return biases.estimate(user, movie) + (denominator > 0 ? numerator / denominator : 0);
    }
  }
}
