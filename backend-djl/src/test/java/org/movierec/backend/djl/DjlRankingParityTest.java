package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.movierec.core.model.RatedItems;
import org.movierec.model.Activation;
import org.movierec.model.DenseLayerSpec;
import org.movierec.model.Initializer;
import org.movierec.model.NetworkSpec;
import org.movierec.model.UserHistory;

/**
 * The JVM scorer of both heads of a network with a ranking head and a user history, against the
 * engine's forward pass over the same user vectors: the engine runs the dense layers (with their
 * head and dot product) on input rows {@code [user + history; movie]} formed independently here in
 * double precision, and the scorer's pair and catalog paths must agree with it for every pair.
 */
class DjlRankingParityTest {

  private static final double TOLERANCE = 1e-5;

  @ParameterizedTest
  @EnumSource(
      value = UserHistory.class,
      names = {"NONE", "MEAN", "SQRT", "SQRT_ONLY"})
  void scorer_bothHeadsWithHistory_matchEngine(UserHistory mode) {
    NetworkSpec spec =
        RandomNetworks.withDot(Activation.RELU)
            .withUserHistory("joint", mode)
            .withRankingHead(
                "joint", new DenseLayerSpec(1, Activation.IDENTITY, Initializer.PYTORCH_LINEAR));
    int users = 6;
    int movies = DjlSplitNetwork.BLOCK + 23;
    int dim = spec.userEmbedding().dim();
    DjlParameters parameters = RandomNetworks.parameters(spec, users, movies, 99);
    RatedItems rated = randomHistories(users, movies, 5);
    DjlHistory history = DjlHistory.of(mode, rated);
    float[] own = parameters.get(parameters.layout().userEmbedding()).values();
    float[] table = parameters.get(parameters.layout().movieEmbedding()).values();

    int pairs = users * movies;
    float[] input = new float[pairs * 2 * dim];
    for (int user = 0; user < users; user++) {
      double[] vector = handVector(own, table, rated.moviesOf(user), user, dim, mode);
      for (int movie = 0; movie < movies; movie++) {
        int row = (user * movies + movie) * 2 * dim;
        for (int k = 0; k < dim; k++) {
          input[row + k] = (float) vector[k];
          input[row + dim + k] = table[movie * dim + k];
        }
      }
    }
    float[] engine;
    try (NDManager root = DjlEngine.engine().newBaseManager();
        DjlNetwork layers = DjlNetwork.createLayers(root, parameters);
        NDManager scope = root.newSubManager()) {
      NDArray x = scope.create(input, new Shape(pairs, 2L * dim));
      engine = layers.forwardLayers(x).toFloatArray();
    }
    DjlSplitNetwork network = DjlSplitNetwork.of(spec, parameters, history);
    DjlScorer rating = new DjlScorer(network);
    DjlScorer ranking = new DjlScorer(network.rankingHead(spec, parameters));
    int[] pairUsers = new int[pairs];
    int[] pairMovies = new int[pairs];
    for (int i = 0; i < pairs; i++) {
      pairUsers[i] = i / movies;
      pairMovies[i] = i % movies;
    }
    float[] ratingPairs = new float[pairs];
    float[] rankingPairs = new float[pairs];
    rating.score(pairUsers, pairMovies, pairs, ratingPairs);
    ranking.score(pairUsers, pairMovies, pairs, rankingPairs);
    float[] catalog = new float[movies];
    for (int user = 0; user < users; user++) {
      ranking.scoreCatalog(user, catalog);
      for (int movie = 0; movie < movies; movie++) {
        int i = user * movies + movie;
        assertClose(ratingPairs[i], engine[2 * i], "rating head, user " + user + " movie " + movie);
        assertClose(
            rankingPairs[i], engine[2 * i + 1], "ranking head, user " + user + " movie " + movie);
        assertThat(catalog[movie])
            .as("ranking catalog path equals its pair path, user %d movie %d", user, movie)
            .isEqualTo(rankingPairs[i]);
      }
    }
    assertThat(rankingPairs).as("the heads differ").isNotEqualTo(ratingPairs);
  }

  /** Own row plus the weighted sum of the rated movies' rows, computed in double. */
  static double[] handVector(
      float[] own, float[] table, int[] movies, int user, int dim, UserHistory mode) {
    double[] vector = new double[dim];
    double weight =
        switch (mode) {
          case NONE -> 0;
          case MEAN -> movies.length == 0 ? 0 : 1.0 / movies.length;
          case SQRT, SQRT_ONLY -> movies.length == 0 ? 0 : 1.0 / Math.sqrt(movies.length);
        };
    double self = mode.usesOwnEmbedding() ? 1 : 0;
    for (int k = 0; k < dim; k++) {
      double sum = 0;
      for (int movie : movies) {
        sum += table[movie * dim + k];
      }
      vector[k] = self * own[user * dim + k] + weight * sum;
    }
    return vector;
  }

  /** Each user rates between 0 and {@code most} random movies; the last user none. */
  static RatedItems randomHistories(int users, int movies, int most) {
    Random random = new Random(users * 31L + movies);
    int[] offsets = new int[users + 1];
    int[] chosen = new int[users * most];
    int count = 0;
    for (int user = 0; user < users; user++) {
      int n = user == users - 1 ? 0 : random.nextInt(most + 1);
      java.util.TreeSet<Integer> picked = new java.util.TreeSet<>();
      while (picked.size() < n) {
        picked.add(random.nextInt(movies));
      }
      for (int movie : picked) {
        chosen[count++] = movie;
      }
      offsets[user + 1] = count;
    }
    return RatedItems.fromArrays(offsets, java.util.Arrays.copyOf(chosen, count), movies);
  }

  private static void assertClose(float actual, float expected, String where) {
    double allowed = TOLERANCE * Math.max(1, Math.abs(expected));
    assertThat(Math.abs((double) actual - expected))
        .as("%s: java %s, engine %s", where, actual, expected)
        .isLessThanOrEqualTo(allowed);
  }
}
