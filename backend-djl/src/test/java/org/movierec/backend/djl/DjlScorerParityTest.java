package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.movierec.core.rank.CatalogThreads;
import org.movierec.model.Activation;
import org.movierec.model.DenseLayerSpec;
import org.movierec.model.EmbeddingSpec;
import org.movierec.model.Initializer;
import org.movierec.model.NetworkSpec;

/**
 * The Java scorer against the engine's forward pass ({@link DjlNetwork#predict}): every pair of a
 * small catalog through both of the scorer's paths (pairs of dense indices, and one user against
 * the whole catalog), for every activation and for random widths, depths and embedding sizes. User
 * and movie embeddings differ in width wherever the generator allows, so a scorer that reads a
 * parameter from the wrong slot fails here.
 */
class DjlScorerParityTest {

  /** Relative tolerance, with an absolute floor of the same size for results near zero. */
  private static final double TOLERANCE = 1e-5;

  @ParameterizedTest
  @EnumSource(Activation.class)
  void scorer_everyLayerWithOneActivation_matchesEngine(Activation activation) {
    // Two full blocks of movies and a partial one, so block boundaries are crossed.
    float[] engine =
        assertParity(RandomNetworks.uniform(activation), 11, 2 * DjlSplitNetwork.BLOCK + 37, 42);
    assertThat(distinct(engine))
        .as("outputs depend on the inputs")
        .isGreaterThan(engine.length / 2);
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void scorer_embeddingDot_matchesEngineAndAddsTheDotProduct(Activation activation) {
    NetworkSpec spec = RandomNetworks.withDot(activation);
    int users = 7;
    int movies = DjlSplitNetwork.BLOCK + 19;
    float[] engine = assertParity(spec, users, movies, 8);
    DjlParameters parameters = RandomNetworks.parameters(spec, users, movies, 8);
    DjlParameters layersParameters = RandomNetworks.withoutDot(parameters);
    DjlScorer withoutDot = new DjlScorer(layersParameters.layout().spec(), layersParameters);
    int dim = spec.userEmbedding().dim();
    float[] userTable = parameters.get(parameters.layout().userEmbedding()).values();
    float[] movieTable = parameters.get(parameters.layout().movieEmbedding()).values();
    float[] layersOnly = new float[1];
    for (int i = 0; i < engine.length; i += 97) {
      int user = i / movies;
      int movie = i % movies;
      withoutDot.score(new int[] {user}, new int[] {movie}, 1, layersOnly);
      double dot = 0;
      for (int k = 0; k < dim; k++) {
        dot += userTable[user * dim + k] * movieTable[movie * dim + k];
      }
      assertThat((double) engine[i] - layersOnly[0])
          .as("the dot product of user %d and movie %d", user, movie)
          .isCloseTo(dot, within(1e-4 * Math.max(1, Math.abs(dot))));
    }
  }

  @Property(tries = 40)
  void scorer_randomSpec_matchesEngine(
      @ForAll("specs") NetworkSpec spec, @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    assertParity(spec, 1 + (int) (seed % 9), 1 + (int) (seed % 290), seed);
  }

  @Provide
  Arbitrary<NetworkSpec> specs() {
    Arbitrary<DenseLayerSpec> hidden =
        Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.of(Activation.class))
            .as(
                (units, activation) ->
                    new DenseLayerSpec(units, activation, Initializer.PYTORCH_LINEAR));
    return Combinators.combine(
            Arbitraries.integers().between(1, 16),
            Arbitraries.integers().between(1, 16),
            hidden.list().ofMaxSize(4),
            Arbitraries.of(Activation.class))
        .as(
            (userDim, movieDim, layers, output) -> {
              List<DenseLayerSpec> all = new ArrayList<>(layers);
              all.add(new DenseLayerSpec(1, output, Initializer.PYTORCH_LINEAR));
              return new NetworkSpec(
                  "random",
                  new EmbeddingSpec(userDim, Initializer.PYTORCH_EMBEDDING),
                  new EmbeddingSpec(movieDim, Initializer.PYTORCH_EMBEDDING),
                  all);
            });
  }

  /**
   * Scores every (user, movie) pair with the engine and with both scorer paths, on parameters drawn
   * so that activations stay near unit scale and the output is alive under ReLU; returns the
   * engine's scores.
   */
  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void scoreCatalog_severalThreads_equalsOneThreadBitForBit(int threads) {
    // Chunks of several blocks and a partial last block, with and without the embedding dot.
    int movies = 3 * CatalogThreads.MIN_CHUNK + DjlSplitNetwork.BLOCK / 2 + 5;
    for (NetworkSpec spec :
        List.of(RandomNetworks.uniform(Activation.RELU), RandomNetworks.withDot(Activation.RELU))) {
      DjlParameters parameters = RandomNetworks.parameters(spec, 3, movies, threads);
      DjlSplitNetwork network = DjlSplitNetwork.of(spec, parameters);
      DjlScorer one = new DjlScorer(network);
      DjlScorer several = new DjlScorer(network, CatalogThreads.of(threads));
      float[] userVector = new float[spec.userEmbedding().dim()];
      java.util.Arrays.fill(userVector, 0.25f);
      for (int user = 0; user < 3; user++) {
        float[] expected = new float[movies];
        float[] actual = new float[movies];
        one.scoreCatalog(user, expected);
        several.scoreCatalog(user, actual);
        assertThat(actual).as("%s, user %d", spec.name(), user).containsExactly(expected);
      }
      float[] expected = new float[movies];
      float[] actual = new float[movies];
      one.scoreCatalog(userVector, expected);
      several.scoreCatalog(userVector, actual);
      assertThat(actual).as("%s, a user vector", spec.name()).containsExactly(expected);
      assertThat(distinct(actual)).isGreaterThan(movies / 2);
    }
  }

  private static float[] assertParity(NetworkSpec spec, int users, int movies, long seed) {
    DjlParameters parameters = RandomNetworks.parameters(spec, users, movies, seed);
    int pairs = users * movies;
    int[] pairUsers = new int[pairs];
    int[] pairMovies = new int[pairs];
    for (int i = 0; i < pairs; i++) {
      pairUsers[i] = i / movies;
      pairMovies[i] = i % movies;
    }
    float[] engine;
    try (NDManager root = DjlEngine.engine().newBaseManager();
        DjlNetwork network = DjlNetwork.create(root, spec, parameters, false)) {
      engine = network.predict(pairUsers, pairMovies);
    }
    DjlScorer scorer = new DjlScorer(spec, parameters);
    float[] byPairs = new float[pairs];
    scorer.score(pairUsers, pairMovies, pairs, byPairs);
    float[] catalog = new float[movies];
    float[] userVector = new float[spec.userEmbedding().dim()];
    float[] userTable = parameters.get(parameters.layout().userEmbedding()).values();
    for (int user = 0; user < users; user++) {
      scorer.scoreCatalog(user, catalog);
      for (int movie = 0; movie < movies; movie++) {
        int i = user * movies + movie;
        assertClose(byPairs[i], engine[i], "pair path, user " + user + " movie " + movie, spec);
        assertThat(catalog[movie])
            .as("catalog path equals pair path bit for bit, user %d movie %d", user, movie)
            .isEqualTo(byPairs[i]);
      }
      System.arraycopy(userTable, user * userVector.length, userVector, 0, userVector.length);
      float[] byVector = new float[movies];
      scorer.scoreCatalog(userVector, byVector);
      assertThat(byVector).as("catalog of a user vector, user %d", user).isEqualTo(catalog);
    }
    return engine;
  }

  private static void assertClose(float actual, float expected, String where, NetworkSpec spec) {
    double allowed = TOLERANCE * Math.max(1, Math.abs(expected));
    assertThat(Math.abs((double) actual - expected))
        .as("%s: java %s, engine %s, spec %s", where, actual, expected, spec)
        .isLessThanOrEqualTo(allowed);
  }

  private static long distinct(float[] values) {
    return java.util.stream.IntStream.range(0, values.length)
        .mapToObj(i -> values[i])
        .distinct()
        .count();
  }
}
