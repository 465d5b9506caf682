package org.movierec.backend.ease;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.ejml.EjmlParameters;
import org.ejml.data.DMatrixRBlock;
import org.ejml.dense.block.linsol.chol.CholeskyOuterSolver_DDRB;
import org.ejml.dense.block.linsol.chol.CholeskyOuterSolver_MT_DDRB;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.movierec.core.model.RatedItems;
import org.movierec.core.training.TrainingException;

/**
 * Solves EASE in closed form (Steck 2019): with the binary who-rated-what matrix {@code X}, {@code
 * P = (XᵀX + λI)⁻¹} and {@code B = I - P·diag(1/diag P)}, whose diagonal is then exactly zero. The
 * Gram matrix is counted from each user's rated movies on a pool of {@code threads} threads, in
 * double precision (the counts are exact integers); EJML inverts it by a block Cholesky
 * decomposition, the solver for a symmetric positive-definite matrix, which {@code XᵀX + λI} is for
 * every {@code λ > 0}: half the work of an LU inverse and no pivoting. The weights are rounded to
 * float only at the end, so the solve loses nothing to them. See {@link EaseMemory} for the memory.
 */
final class EaseSolver {

  /** The phases of a solve, reported one by one as batches of the single epoch. */
  static final int PHASES = 4;

  /** Rows of the Gram matrix or the weights handed to a thread at a time. */
  private static final int ROWS_PER_TASK = 16;

  private EaseSolver() {}

  /**
   * The weights of EASE over the users' rated movies, row-major: entry {@code i * movies + j} is
   * how much having rated movie {@code i} adds to the score of movie {@code j}.
   *
   * @param rated each user's rated dense movies, ascending
   * @param movies the number of movies
   * @param lambda the L2 regularization added to the Gram matrix's diagonal, above 0
   * @param threads the threads of the Gram matrix and the weights; more than 1 also runs EJML's
   *     multi-threaded Cholesky on its own pool of one thread per core
   * @param afterPhase told the number (1 to {@link #PHASES}) of each phase as it ends; it may throw
   *     to stop the solve between two phases
   * @throws TrainingException when the regularized Gram matrix is not positive definite
   */
  static float[] solve(
      RatedItems rated, int movies, double lambda, int threads, IntConsumer afterPhase) {
    if (!(lambda > 0)) {
      throw new IllegalArgumentException("lambda must be above 0, got " + lambda);
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      DMatrixRBlock inverse;
      {
        DMatrixRBlock gram = gram(rated, movies, lambda, pool);
        afterPhase.accept(1);
        inverse = invert(gram, lambda, threads, afterPhase);
      }
      // The factor is unreachable now: the weights reuse its memory.
      float[] weights = weights(inverse, pool);
      afterPhase.accept(PHASES);
      return weights;
    } finally {
      pool.shutdown();
    }
  }

  /** {@code XᵀX + λI} in EJML's block layout, one task per few rows, each row counted once. */
  static DMatrixRBlock gram(RatedItems rated, int movies, double lambda, ForkJoinPool pool) {
    int[] offsets = rated.offsets();
    int[] ratedMovies = rated.movies();
    // Who rated each movie, the columns of X, so that row i of XᵀX is counted from i's raters.
    int[] columnStarts = new int[movies + 1];
    for (int movie : ratedMovies) {
      columnStarts[movie + 1]++;
    }
    for (int movie = 0; movie < movies; movie++) {
      columnStarts[movie + 1] += columnStarts[movie];
    }
    int[] raters = new int[ratedMovies.length];
    int[] fill = java.util.Arrays.copyOf(columnStarts, movies);
    for (int user = 0; user + 1 < offsets.length; user++) {
      for (int k = offsets[user]; k < offsets[user + 1]; k++) {
        raters[fill[ratedMovies[k]]++] = user;
      }
    }
    DMatrixRBlock gram = new DMatrixRBlock(movies, movies, EjmlParameters.BLOCK_WIDTH);
    inParallel(
        pool,
        movies,
        (from, to) -> {
          int[] row = new int[movies];
          for (int i = from; i < to; i++) {
            // Only j <= i: each user's movies are ascending, so stop at the first one past i.
            for (int r = columnStarts[i]; r < columnStarts[i + 1]; r++) {
              int user = raters[r];
              for (int k = offsets[user]; k < offsets[user + 1] && ratedMovies[k] <= i; k++) {
                row[ratedMovies[k]]++;
              }
            }
            for (int j = 0; j < i; j++) {
              // Each pair (i, j), (j, i) belongs to the task of row max(i, j) alone.
              gram.set(i, j, row[j]);
              gram.set(j, i, row[j]);
              row[j] = 0;
            }
            gram.set(i, i, row[i] + lambda);
            row[i] = 0;
          }
        });
    return gram;
  }

  /** Factors {@code gram} in place and returns its inverse. */
  private static DMatrixRBlock invert(
      DMatrixRBlock gram, double lambda, int threads, IntConsumer afterPhase) {
    LinearSolverDense<DMatrixRBlock> cholesky =
        threads > 1 ? new CholeskyOuterSolver_MT_DDRB() : new CholeskyOuterSolver_DDRB();
    if (!cholesky.setA(gram)) {
      throw new TrainingException(
          "EASE's Gram matrix plus lambda="
              + lambda
              + " on its diagonal is not positive definite, which only rounding on a huge catalog"
              + " can cause; raise lambda");
    }
    afterPhase.accept(2);
    DMatrixRBlock inverse = new DMatrixRBlock(gram.numRows, gram.numCols, gram.blockLength);
    cholesky.invert(inverse);
    afterPhase.accept(3);
    return inverse;
  }

  /** {@code B = I - P·diag(1/diag P)} with a zero diagonal, rounded to float. */
  private static float[] weights(DMatrixRBlock inverse, ForkJoinPool pool) {
    int movies = inverse.numRows;
    double[] diagonal = new double[movies];
    for (int j = 0; j < movies; j++) {
      diagonal[j] = inverse.get(j, j);
      if (!(diagonal[j] > 0) || !Double.isFinite(diagonal[j])) {
        throw new TrainingException(
            "EASE's inverse Gram matrix has diagonal entry "
                + diagonal[j]
                + " at movie index "
                + j
                + ", so the solve lost its precision; raise lambda");
      }
    }
    float[] weights = new float[Math.multiplyExact(movies, movies)];
    inParallel(
        pool,
        movies,
        (from, to) -> {
          for (int i = from; i < to; i++) {
            int row = i * movies;
            for (int j = 0; j < movies; j++) {
              weights[row + j] = i == j ? 0f : (float) (-inverse.get(i, j) / diagonal[j]);
            }
          }
        });
    return weights;
  }

  /** Rows {@code [from, to)} of some work. */
  @FunctionalInterface
  private interface RowRange {
    void run(int from, int to);
  }

  /** Runs {@code rows} rows in tasks of {@link #ROWS_PER_TASK} on the pool, waiting for all. */
  private static void inParallel(ForkJoinPool pool, int rows, RowRange work) {
    int tasks = (rows + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
    try {
      pool.submit(
              () ->
                  IntStream.range(0, tasks)
                      .parallel()
                      .forEach(
                          task ->
                              work.run(
                                  task * ROWS_PER_TASK,
                                  Math.min(rows, (task + 1) * ROWS_PER_TASK))))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrainingException("EASE's solve was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new TrainingException("EASE's solve failed", e.getCause());
    }
  }
}
