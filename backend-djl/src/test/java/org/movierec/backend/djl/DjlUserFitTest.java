package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.movierec.model.Activation;
import org.movierec.model.NetworkSpec;

/** Fold-in's fit of a new user's vector against a frozen random network. */
class DjlUserFitTest {

  private static final int USERS = 40;
  private static final int MOVIES = 300;

  @ParameterizedTest
  @EnumSource(Activation.class)
  void residuals_jacobian_matchesFiniteDifferencesOfTheScorer(Activation activation) {
    assertJacobianMatchesScorer(RandomNetworks.uniform(activation));
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void residuals_embeddingDot_jacobianMatchesFiniteDifferencesOfTheScorer(Activation activation) {
    assertJacobianMatchesScorer(RandomNetworks.withDot(activation));
  }

  private static void assertJacobianMatchesScorer(NetworkSpec spec) {
    DjlSplitNetwork network =
        DjlSplitNetwork.of(spec, RandomNetworks.parameters(spec, USERS, MOVIES, 3));
    DjlUserFit fit = new DjlUserFit(network, 1);
    DjlScorer scorer = new DjlScorer(network);
    int dim = network.userDim();
    int[] movies = {0, 17, 123, 299};
    float[] ratings = new float[movies.length];
    double[] user = new double[dim];
    Random random = new Random(5);
    for (int d = 0; d < dim; d++) {
      user[d] = random.nextGaussian();
    }
    double[] residuals = new double[movies.length];
    double[] jacobian = new double[movies.length * dim];
    fit.residuals(user, movies, ratings, residuals, jacobian);
    double h = 1e-2;
    for (int d = 0; d < dim; d++) {
      float[] up = shifted(user, d, h);
      float[] down = shifted(user, d, -h);
      float[] above = new float[movies.length];
      float[] below = new float[movies.length];
      scorer.score(up, movies, movies.length, above);
      scorer.score(down, movies, movies.length, below);
      for (int i = 0; i < movies.length; i++) {
        double numeric = (above[i] - below[i]) / (2 * h);
        assertThat(jacobian[i * dim + d])
            .as("d score(movie %d) / d user[%d]", movies[i], d)
            .isCloseTo(
                numeric, org.assertj.core.api.Assertions.within(2e-3 + 2e-2 * Math.abs(numeric)));
      }
    }
    float[] scores = new float[movies.length];
    scorer.score(toFloats(user), movies, movies.length, scores);
    for (int i = 0; i < movies.length; i++) {
      assertThat(residuals[i])
          .as("residual of movie %d", movies[i])
          .isCloseTo(scores[i], org.assertj.core.api.Assertions.within(1e-4));
    }
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void fit_ratingsFromAHiddenUser_predictsTheirOtherMoviesFarBetterThanThePrior(
      Activation activation) {
    NetworkSpec spec = RandomNetworks.uniform(activation);
    DjlParameters parameters = RandomNetworks.parameters(spec, USERS, MOVIES, 11);
    DjlSplitNetwork network = DjlSplitNetwork.of(spec, parameters);
    DjlScorer scorer = new DjlScorer(network);
    float[] hidden = new float[network.userDim()];
    System.arraycopy(
        parameters.get(parameters.layout().userEmbedding()).values(),
        7 * hidden.length,
        hidden,
        0,
        hidden.length);
    float[] truth = new float[MOVIES];
    scorer.scoreCatalog(hidden, truth);
    int[] rated = new int[60];
    float[] ratings = new float[rated.length];
    for (int i = 0; i < rated.length; i++) {
      rated[i] = i * 5;
      ratings[i] = truth[i * 5];
    }
    // The ratings are the network's own scores, free of noise: trust them over the prior.
    DjlUserFit fit = new DjlUserFit(network, 1e-6);
    float[] fitted = fit.fit(rated, ratings);
    double fittedError = heldOutRmse(scorer, fitted, truth);
    double priorError = heldOutRmse(scorer, fit.priorMean(), truth);
    assertThat(priorError).as("the prior mean is not already the hidden user").isGreaterThan(1e-4);
    assertThat(fittedError).isLessThan(0.2 * priorError);
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void fit_noRatings_isThePriorMean(Activation activation) {
    NetworkSpec spec = RandomNetworks.uniform(activation);
    DjlParameters parameters = RandomNetworks.parameters(spec, USERS, MOVIES, 2);
    DjlUserFit fit = new DjlUserFit(DjlSplitNetwork.of(spec, parameters), 1);
    float[] users = parameters.get(parameters.layout().userEmbedding()).values();
    int dim = spec.userEmbedding().dim();
    float[] mean = new float[dim];
    for (int d = 0; d < dim; d++) {
      double sum = 0;
      for (int u = 0; u < USERS; u++) {
        sum += users[u * dim + d];
      }
      mean[d] = (float) (sum / USERS);
    }
    assertThat(fit.fit(new int[0], new float[0]))
        .containsExactly(mean, org.assertj.core.data.Offset.offset(1e-6f));
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void fit_strongerPrior_staysCloserToTheMean(Activation activation) {
    NetworkSpec spec = RandomNetworks.uniform(activation);
    DjlSplitNetwork network =
        DjlSplitNetwork.of(spec, RandomNetworks.parameters(spec, USERS, MOVIES, 8));
    int[] movies = {1, 2, 3};
    float[] ratings = {5, 1, 5};
    float[] loose = new DjlUserFit(network, 0.01).fit(movies, ratings);
    float[] tight = new DjlUserFit(network, 100).fit(movies, ratings);
    float[] mean = new DjlUserFit(network, 1).priorMean();
    assertThat(distance(tight, mean)).isLessThan(distance(loose, mean));
  }

  private static double heldOutRmse(DjlScorer scorer, float[] user, float[] truth) {
    float[] scores = new float[truth.length];
    scorer.scoreCatalog(user, scores);
    double squares = 0;
    int count = 0;
    for (int movie = 0; movie < truth.length; movie++) {
      if (movie % 5 != 0) {
        double error = scores[movie] - truth[movie];
        squares += error * error;
        count++;
      }
    }
    return Math.sqrt(squares / count);
  }

  private static double distance(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(sum);
  }

  private static float[] shifted(double[] user, int d, double h) {
    float[] copy = toFloats(user);
    copy[d] = (float) (user[d] + h);
    return copy;
  }

  private static float[] toFloats(double[] values) {
    float[] floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      floats[i] = (float) values[i];
    }
    return floats;
  }
}
