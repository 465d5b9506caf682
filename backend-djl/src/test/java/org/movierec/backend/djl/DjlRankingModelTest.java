package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.file.ModelFile;
import org.movierec.core.model.FoldInFit;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.TrainedState;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.core.training.TrainingObjective;
import org.movierec.model.NetworkSpecs;
import org.movierec.model.UserHistory;

/**
 * Models trained with the ranking and joint objectives: lists ordered by the ranking head's logit
 * as the engine computes it, predicted ratings from the rating head (joint) or the bias estimate
 * (ranking), users formed from their history, fold-in immediate, and the file keeping all of it.
 */
class DjlRankingModelTest {

  private static final ColumnarRatings ALL = SyntheticRatings.generate(40, 50, 15, 21);
  private static DjlModel ranking;
  private static DjlModel joint;

  @BeforeAll
  static void train() {
    TrainingConfig base =
        TrainingConfig.builder()
            .set("epochs", "4")
            .set("batch_size", "32")
            .set("learning_rate", "0.01")
            .set("negatives", "3")
            .build();
    ranking =
        (DjlModel)
            new DjlTrainer()
                .train(
                    ALL,
                    base.toBuilder()
                        .set("objective", "ranking")
                        .set("network", NetworkSpecs.SEED_RANK)
                        .build());
    joint =
        (DjlModel)
            new DjlTrainer()
                .train(
                    ALL,
                    base.toBuilder()
                        .set("objective", "joint")
                        .set("network", NetworkSpecs.SEED_JOINT)
                        .set("output_offset", "biases")
                        .build());
  }

  @AfterAll
  static void close() {
    ranking.close();
    joint.close();
  }

  @Test
  void rankingScore_rankingObjectives_isTheLogit() {
    assertThat(ranking.objective()).isEqualTo(TrainingObjective.RANKING);
    assertThat(ranking.rankingScore()).isEqualTo(DjlModel.RANKING_LOGIT);
    assertThat(joint.rankingScore()).isEqualTo(DjlModel.RANKING_LOGIT);
  }

  @Test
  void rankingScores_knownUsers_equalTheEngineOnHistoryVectors() {
    for (DjlModel model : List.of(ranking, joint)) {
      float[][] engine = engineOutputs(model);
      int movies = model.movies().size();
      int[] rawMovies = new int[movies];
      for (int m = 0; m < movies; m++) {
        rawMovies[m] = model.movies().rawId(m);
      }
      int column = model.spec().hasRankingHead() ? 1 : 0;
      for (int user = 0; user < model.users().size(); user += 7) {
        float[] scores = model.rankingScores(model.users().rawId(user), rawMovies);
        for (int m = 0; m < movies; m++) {
          assertThat(scores[m])
              .as("%s user %d movie %d", model.spec().name(), user, m)
              .isCloseTo(engine[user * movies + m][column], within(1e-4f));
        }
      }
    }
  }

  @Test
  void recommend_rankingModel_ordersByLogitAndShowsTheBiasEstimate() {
    int rawUser = ALL.users().rawId(5);
    List<Recommendation> top = ranking.recommend(rawUser, 10);
    assertThat(top).hasSize(10);
    TrainedState state = ranking.state();
    int user = state.users().indexOf(rawUser);
    for (int i = 0; i < top.size(); i++) {
      Recommendation r = top.get(i);
      float logit = ranking.rankingScores(rawUser, new int[] {r.rawMovieId()})[0];
      assertThat(r.score()).isEqualTo(logit);
      if (i > 0) {
        assertThat(r.score()).isLessThanOrEqualTo(top.get(i - 1).score());
      }
      int movie = state.movies().indexOf(r.rawMovieId());
      assertThat(state.rated().contains(user, movie)).isFalse();
      assertThat(r.predictedRating())
          .isEqualTo(state.scale().clip(state.biases().estimate(user, movie)));
    }
  }

  @Test
  void predict_jointModel_isTheRatingHeadPlusBiases() {
    float[][] engine = engineOutputs(joint);
    int movies = joint.movies().size();
    TrainedState state = joint.state();
    for (int user = 0; user < joint.users().size(); user += 5) {
      for (int m = 0; m < movies; m += 3) {
        float expected =
            state.scale().clip(engine[user * movies + m][0] + state.biases().estimate(user, m));
        assertThat(joint.predict(joint.users().rawId(user), joint.movies().rawId(m)))
            .isCloseTo(expected, within(1e-4f));
      }
    }
  }

  @Test
  void foldIn_historyModel_vectorIsMeanOwnPlusScaledSumAtOnce_andMoves() {
    DjlParameters parameters = ranking.parameters();
    DjlLayout layout = parameters.layout();
    int dim = ranking.spec().userEmbedding().dim();
    float[] own = parameters.get(layout.userEmbedding()).values();
    float[] table = parameters.get(layout.movieEmbedding()).values();
    List<MovieRating> ratings = new ArrayList<>();
    int[] dense = {4, 9, 2};
    for (int m : dense) {
      ratings.add(new MovieRating(ALL.movies().rawId(m), 5));
    }
    FoldInFit fit = fit(ratings);
    double[] meanOwn = new double[dim];
    int users = own.length / dim;
    for (int u = 0; u < users; u++) {
      for (int k = 0; k < dim; k++) {
        meanOwn[k] += own[u * dim + k] / (double) users;
      }
    }
    for (int k = 0; k < dim; k++) {
      double sum = 0;
      for (int m : dense) {
        sum += table[m * dim + k];
      }
      assertThat((double) fit.vector()[k])
          .as("dimension %d", k)
          .isCloseTo(meanOwn[k] + sum / Math.sqrt(3), within(1e-5));
    }
    FoldedUser three = ranking.foldIn(ratings);
    List<MovieRating> four = new ArrayList<>(ratings);
    four.add(new MovieRating(ALL.movies().rawId(30), 4));
    FoldedUser more = ranking.foldIn(four);
    assertThat(more.recommend(10)).isNotEqualTo(three.recommend(10));
    assertThat(more.recommend(10)).noneMatch(r -> r.rawMovieId() == ALL.movies().rawId(30));
  }

  @Test
  void saveAndLoad_jointModel_sameScoresAndObjective(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("joint.mrec");
    joint.save(file);
    try (Model loaded =
        new DjlBackendProvider()
            .load(ModelFile.read(file), RuntimeOptions.of(TrainingConfig.defaults()))) {
      assertThat(loaded.rankingScore()).isEqualTo(DjlModel.RANKING_LOGIT);
      int rawUser = ALL.users().rawId(2);
      assertThat(loaded.recommend(rawUser, 10)).isEqualTo(joint.recommend(rawUser, 10));
      assertThat(loaded.info().config()).containsEntry("objective", "joint");
      assertThat(((DjlModel) loaded).spec().history()).isEqualTo(UserHistory.SQRT);
    }
    assertThat(Files.size(file)).isPositive();
  }

  @Test
  void train_jointObjectiveWithoutHead_failsNamingTheKey() {
    TrainingConfig config =
        TrainingConfig.builder()
            .set("epochs", "1")
            .set("objective", "joint")
            .set("network", NetworkSpecs.SEED_RANK)
            .build();
    assertThatThrownBy(() -> new DjlTrainer().train(ALL, config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("objective=joint")
        .hasMessageContaining("ranking_head");
  }

  @Test
  void train_historyWithDenseEmbeddings_failsNamingTheChoice() {
    TrainingConfig config =
        TrainingConfig.builder()
            .set("epochs", "1")
            .set("objective", "ranking")
            .set("network", NetworkSpecs.SEED_RANK)
            .set("embedding_optimizer", "dense")
            .build();
    assertThatThrownBy(() -> new DjlTrainer().train(ALL, config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("embedding_optimizer=dense")
        .hasMessageContaining("lazy or auto");
  }

  private static FoldInFit fit(List<MovieRating> ratings) {
    int[] movies = new int[ratings.size()];
    float[] stars = new float[ratings.size()];
    for (int i = 0; i < movies.length; i++) {
      movies[i] = ranking.movies().indexOf(ratings.get(i).rawMovieId());
      stars[i] = ratings.get(i).rating();
    }
    return new FoldInFit(0f, ranking.foldInVector(movies, stars, 0f), movies, stars);
  }

  /**
   * The engine's outputs for every known user and movie, {@code [user * movies + movie][head]},
   * over user vectors formed here from the model's rated items in double precision.
   */
  private static float[][] engineOutputs(DjlModel model) {
    DjlParameters parameters = model.parameters();
    DjlLayout layout = parameters.layout();
    int dim = model.spec().userEmbedding().dim();
    int users = model.users().size();
    int movies = model.movies().size();
    float[] own = parameters.get(layout.userEmbedding()).values();
    float[] table = parameters.get(layout.movieEmbedding()).values();
    int pairs = users * movies;
    float[] input = new float[pairs * 2 * dim];
    for (int user = 0; user < users; user++) {
      double[] vector =
          DjlRankingParityTest.handVector(
              own, table, model.state().rated().moviesOf(user), user, dim, model.spec().history());
      for (int m = 0; m < movies; m++) {
        int row = (user * movies + m) * 2 * dim;
        for (int k = 0; k < dim; k++) {
          input[row + k] = (float) vector[k];
          input[row + dim + k] = table[m * dim + k];
        }
      }
    }
    int heads = layout.hasHead() ? 2 : 1;
    float[] flat;
    try (NDManager root = DjlEngine.engine().newBaseManager();
        DjlNetwork layers = DjlNetwork.createLayers(root, parameters);
        NDManager scope = root.newSubManager()) {
      NDArray x = scope.create(input, new Shape(pairs, 2L * dim));
      flat = layers.forwardLayers(x).toFloatArray();
    }
    float[][] out = new float[pairs][heads];
    for (int i = 0; i < pairs; i++) {
      for (int h = 0; h < heads; h++) {
        out[i][h] = flat[i * heads + h];
      }
    }
    return out;
  }
}
