package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.TrainedState;
import org.movierec.core.model.UnknownIdException;

class DjlModelTest {

  private static final ColumnarRatings ALL = SyntheticRatings.generate(50, 30, 20, 11);
  private static DjlModel model;

  @BeforeAll
  static void train() {
    TrainingConfig config =
        TrainingConfig.builder()
            .set("epochs", "8")
            .set("batch_size", "32")
            .set("learning_rate", "0.01")
            .set("cold_start", "error")
            .build();
    model = (DjlModel) new DjlTrainer().train(ALL, config);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void predict_jvmForwardPass_agreesWithEngineForwardPass() {
    int n = ALL.size();
    int[] users = ALL.userIndices();
    int[] movies = ALL.movieIndices();
    float[] engine;
    try (NDManager root = DjlEngine.engine().newBaseManager();
        DjlNetwork network = DjlNetwork.create(root, model.spec(), model.parameters(), false)) {
      engine = network.predict(users, movies);
    }
    float[] jvm = new float[n];
    new DjlScorer(model.spec(), model.parameters()).score(users, movies, n, jvm);
    for (int i = 0; i < n; i++) {
      assertThat(jvm[i]).as("pair %d", i).isCloseTo(engine[i], within(1e-5f));
    }
  }

  @Test
  void predict_manyThreadsAtOnce_sameAsOneThread() throws Exception {
    int[] rawUsers = new int[ALL.users().size() * ALL.movies().size()];
    int[] rawMovies = new int[rawUsers.length];
    int k = 0;
    for (int u = 0; u < ALL.users().size(); u++) {
      for (int m = 0; m < ALL.movies().size(); m++) {
        rawUsers[k] = ALL.users().rawId(u);
        rawMovies[k++] = ALL.movies().rawId(m);
      }
    }
    float[] expected = model.predict(rawUsers, rawMovies);
    List<List<Recommendation>> expectedTop = new ArrayList<>();
    for (int u = 0; u < ALL.users().size(); u++) {
      expectedTop.add(model.recommend(ALL.users().rawId(u), 5));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        results.add(
            pool.submit(
                () -> {
                  boolean same = true;
                  for (int round = 0; round < 20; round++) {
                    same &= java.util.Arrays.equals(model.predict(rawUsers, rawMovies), expected);
                    int u = round % ALL.users().size();
                    same &= model.recommend(ALL.users().rawId(u), 5).equals(expectedTop.get(u));
                    int i = (round * 37) % rawUsers.length;
                    same &= model.predict(rawUsers[i], rawMovies[i]) == expected[i];
                  }
                  return same;
                }));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void recommend_knownUser_bestUnratedMoviesFirstByRawScore() {
    int rawUser = ALL.users().rawId(3);
    List<Recommendation> top = model.recommend(rawUser, 4);
    assertThat(top).hasSize(4);
    TrainedState state = model.state();
    int user = state.users().indexOf(rawUser);
    List<Recommendation> all = new ArrayList<>();
    float[] raw = new float[1];
    for (int m = 0; m < state.movies().size(); m++) {
      if (!state.rated().contains(user, m)) {
        model.scoreKnown(new int[] {user}, new int[] {m}, 1, raw);
        all.add(
            new Recommendation(
                state.movies().rawId(m), raw[0], model.predict(rawUser, state.movies().rawId(m))));
      }
    }
    all.sort(
        java.util.Comparator.comparingDouble(Recommendation::score)
            .reversed()
            .thenComparingInt(Recommendation::rawMovieId));
    assertThat(top).isEqualTo(all.subList(0, 4));
  }

  @Test
  void predict_unknownIdsWithErrorPolicy_namesTheId() {
    int knownUser = ALL.users().rawId(0);
    int knownMovie = ALL.movies().rawId(0);
    assertThatThrownBy(() -> model.predict(99_999, knownMovie))
        .isInstanceOf(UnknownIdException.class)
        .hasMessageContaining("99999");
    assertThatThrownBy(() -> model.predict(knownUser, 88_888))
        .isInstanceOf(UnknownIdException.class)
        .hasMessageContaining("88888");
    assertThatThrownBy(() -> model.recommend(99_999, 3)).isInstanceOf(UnknownIdException.class);
  }

  @Test
  void predict_unknownIdsWithFallbackPolicy_answersTheBiasEstimate() {
    TrainedState state = model.state();
    DjlModel fallback =
        new DjlModel(state, ColdStartPolicy.FALLBACK, model.spec(), model.parameters());
    int knownUser = ALL.users().rawId(2);
    int user = state.users().indexOf(knownUser);
    assertThat(fallback.predict(knownUser, 88_888))
        .isEqualTo(state.scale().clip(state.biases().estimate(user, -1)));
    assertThat(fallback.predict(99_999, 77_777))
        .isEqualTo(state.scale().clip(state.biases().globalMean()));
    assertThat(fallback.recommend(99_999, 3)).hasSize(3);
  }

  @Test
  void predict_afterClose_failsClearly() {
    DjlModel closed =
        new DjlModel(model.state(), ColdStartPolicy.ERROR, model.spec(), model.parameters());
    closed.close();
    assertThatThrownBy(() -> closed.predict(ALL.users().rawId(0), ALL.movies().rawId(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
