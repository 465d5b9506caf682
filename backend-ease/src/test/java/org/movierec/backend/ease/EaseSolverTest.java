package org.movierec.backend.ease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.ejml.data.DMatrixRBlock;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.model.RatedItems;

class EaseSolverTest {

  private static final double LAMBDA = 3;

  /** Random who-rated-what: {@code users} users, {@code movies} movies, each pair with chance p. */
  static boolean[][] randomBinary(int users, int movies, double p, long seed) {
    Random random = new Random(seed);
    boolean[][] x = new boolean[users][movies];
    for (int u = 0; u < users; u++) {
      for (int m = 0; m < movies; m++) {
        x[u][m] = random.nextDouble() < p;
      }
      x[u][u % movies] = true;
    }
    return x;
  }

  /** The ratings whose dense indices follow the matrix: user u and movie m get raw ids u+1, m+1. */
  static ColumnarRatings ratingsOf(boolean[][] x) {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    for (int m = 0; m < x[0].length; m++) {
      builder.add(1, m + 1, 3, 0);
    }
    for (int u = 0; u < x.length; u++) {
      for (int m = 0; m < x[u].length; m++) {
        if (x[u][m] && !(u == 0)) {
          builder.add(u + 1, m + 1, 1 + (u + m) % 5, u);
        }
      }
    }
    return builder.build();
  }

  private static boolean[][] matrixOf(ColumnarRatings ratings) {
    boolean[][] x = new boolean[ratings.users().size()][ratings.movies().size()];
    for (int row = 0; row < ratings.size(); row++) {
      x[ratings.userIndex(row)][ratings.movieIndex(row)] = true;
    }
    return x;
  }

  private static double[][] regularizedGram(boolean[][] x, double lambda) {
    int n = x[0].length;
    double[][] g = new double[n][n];
    for (boolean[] user : x) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          if (user[i] && user[j]) {
            g[i][j]++;
          }
        }
      }
    }
    for (int i = 0; i < n; i++) {
      g[i][i] += lambda;
    }
    return g;
  }

  @Test
  void gram_randomRatings_countsCoRatersOnBothSidesAndAddsLambdaOnTheDiagonal() {
    ColumnarRatings ratings = ratingsOf(randomBinary(50, 23, 0.3, 1));
    boolean[][] x = matrixOf(ratings);
    double[][] expected = regularizedGram(x, LAMBDA);
    ForkJoinPool pool = new ForkJoinPool(2);
    try {
      DMatrixRBlock gram = EaseSolver.gram(RatedItems.of(ratings), x[0].length, LAMBDA, pool);
      for (int i = 0; i < x[0].length; i++) {
        for (int j = 0; j < x[0].length; j++) {
          assertThat(gram.get(i, j)).as("(%d, %d)", i, j).isEqualTo(expected[i][j]);
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * EASE's closed form is characterized without any inverse: {@code B} has a zero diagonal and
   * {@code (XᵀX + λI)·B} equals {@code XᵀX + λI} off the diagonal (Steck 2019, eq. 8: {@code G·B =
   * G - diag(μ)}).
   */
  @Test
  void solve_randomRatings_meetsTheClosedFormConditions() {
    ColumnarRatings ratings = ratingsOf(randomBinary(80, 70, 0.2, 2));
    boolean[][] x = matrixOf(ratings);
    int n = x[0].length;
    double[][] g = regularizedGram(x, LAMBDA);

    float[] b = EaseSolver.solve(RatedItems.of(ratings), n, LAMBDA, 2, phase -> {});

    for (int i = 0; i < n; i++) {
      assertThat(b[i * n + i]).isZero();
      for (int j = 0; j < n; j++) {
        if (i == j) {
          continue;
        }
        double product = 0;
        for (int k = 0; k < n; k++) {
          product += g[i][k] * b[k * n + j];
        }
        assertThat(product).as("(G B)[%d][%d]", i, j).isCloseTo(g[i][j], within(2e-4 * n));
      }
    }
  }

  @Test
  void solve_smallCatalog_matchesAnLuInverseOfTheGramMatrix() {
    ColumnarRatings ratings = ratingsOf(randomBinary(40, 12, 0.4, 3));
    boolean[][] x = matrixOf(ratings);
    int n = x[0].length;
    DMatrixRMaj inverse = new DMatrixRMaj(regularizedGram(x, LAMBDA));
    assertThat(CommonOps_DDRM.invert(inverse)).isTrue();

    float[] b = EaseSolver.solve(RatedItems.of(ratings), n, LAMBDA, 1, phase -> {});

    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double expected = i == j ? 0 : -inverse.get(i, j) / inverse.get(j, j);
        assertThat((double) b[i * n + j]).isCloseTo(expected, within(1e-6));
      }
    }
  }

  @Test
  void solve_oneThreadOrTwo_givesTheSameWeightsAndReportsEveryPhaseInOrder() {
    ColumnarRatings ratings = ratingsOf(randomBinary(300, 1100, 0.02, 4));
    int n = ratings.movies().size();
    List<Integer> phases = new ArrayList<>();

    float[] single = EaseSolver.solve(RatedItems.of(ratings), n, 50, 1, phases::add);
    float[] parallel = EaseSolver.solve(RatedItems.of(ratings), n, 50, 2, phase -> {});

    assertThat(phases).containsExactly(1, 2, 3, 4);
    for (int k = 0; k < single.length; k++) {
      assertThat(parallel[k]).isCloseTo(single[k], within(1e-6f));
    }
  }

  @Test
  void solve_stopAfterAPhase_runsNoLaterPhase() {
    ColumnarRatings ratings = ratingsOf(randomBinary(30, 10, 0.3, 5));
    List<Integer> phases = new ArrayList<>();

    assertThatThrownBy(
            () ->
                EaseSolver.solve(
                    RatedItems.of(ratings),
                    10,
                    LAMBDA,
                    2,
                    phase -> {
                      phases.add(phase);
                      if (phase == 2) {
                        throw new IllegalStateException("stop");
                      }
                    }))
        .hasMessage("stop");
    assertThat(phases).containsExactly(1, 2);
  }

  @Test
  void solve_lambdaZero_isRefused() {
    ColumnarRatings ratings = ratingsOf(randomBinary(10, 4, 0.5, 6));
    assertThatThrownBy(() -> EaseSolver.solve(RatedItems.of(ratings), 4, 0, 1, phase -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lambda");
  }
}
