package org.movierec.backend.ease;

import org.movierec.core.file.SectionReader;
import org.movierec.core.file.SectionWriter;

/**
 * EASE's learned item-item weights {@code B}, a dense float matrix by dense movie index, row-major:
 * row {@code i} is what having rated movie {@code i} adds to every movie's score, so a user's
 * scores are the sum of their rated movies' rows. Float halves the memory and the file of double,
 * and loses nothing a ranking can see: a score sums a user's few hundred rows at most, with float's
 * relative rounding of about 1e-7 against weights that differ by far more. Immutable and
 * thread-safe.
 */
final class EaseWeights {

  private final int movies;
  private final float[] weights;

  private EaseWeights(int movies, float[] weights) {
    this.movies = movies;
    this.weights = weights;
  }

  /**
   * Weights as {@link EaseSolver#solve} gives them; the array is kept, not copied.
   *
   * @throws IllegalArgumentException when the array is not {@code movies²} long, a weight is not
   *     finite or so large that a user's score could overflow, or the diagonal is not zero
   */
  static EaseWeights of(int movies, float[] weights) {
    String problem = problem(movies, weights);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return new EaseWeights(movies, weights);
  }

  /** The number of movies. */
  int movies() {
    return movies;
  }

  /** The weight from movie {@code from} to movie {@code to}. */
  float weight(int from, int to) {
    return weights[from * movies + to];
  }

  /**
   * Fills {@code out[j]} with a user's EASE score of dense movie {@code j}: the sum of the rows of
   * the movies they rated, added in the order given, so that the same movies in the same order give
   * the same floats.
   *
   * @param rated the user's rated dense movies, ascending
   */
  void score(int[] rated, float[] out) {
    java.util.Arrays.fill(out, 0, movies, 0f);
    for (int movie : rated) {
      int row = movie * movies;
      for (int j = 0; j < movies; j++) {
        out[j] += weights[row + j];
      }
    }
  }

  /**
   * Fills {@code out[j]} with how strongly movie {@code movie} and movie {@code j} go together in
   * EASE once every other movie is accounted for: {@code -P_mj / sqrt(P_mm P_jj)}, the partial
   * correlation of their who-rated columns under the regularized Gram matrix, which is the cosine
   * of the two columns after each is regressed on all the others. It is symmetric, lies in [-1, 1],
   * and comes from the weights alone, since {@code B_mj B_jm = P_mj² / (P_mm P_jj)} and both
   * weights share the sign of {@code -P_mj}. The movie itself gets 0, as its weight does.
   */
  void partialCorrelations(int movie, float[] out) {
    int row = movie * movies;
    for (int j = 0; j < movies; j++) {
      double forward = weights[row + j];
      double product = forward * weights[j * movies + movie];
      double magnitude = product > 0 ? Math.min(1.0, Math.sqrt(product)) : 0.0;
      out[j] = (float) Math.copySign(magnitude, forward);
    }
  }

  /** Appends the weights to a model-file section: the movie count, then the matrix. */
  void writeTo(SectionWriter out) {
    out.putInt(movies).putFloats(weights);
  }

  /**
   * Reads weights written by {@link #writeTo} for a model of {@code movies} movies.
   *
   * @throws org.movierec.core.file.ModelFileException when the section does not hold valid weights
   *     for that many movies
   */
  static EaseWeights readFrom(SectionReader in, int movies) {
    int stored = in.getInt();
    if (stored != movies) {
      throw in.corrupt("weights for " + stored + " movies in a model of " + movies);
    }
    float[] weights = in.getFloats();
    String problem = problem(movies, weights);
    if (problem != null) {
      throw in.corrupt(problem);
    }
    return new EaseWeights(movies, weights);
  }

  /** What makes the weights unusable, or {@code null} when they are fine. */
  private static String problem(int movies, float[] weights) {
    if ((long) movies * movies != weights.length) {
      return weights.length + " weights for " + movies + " movies, not " + movies + "²";
    }
    // A score sums at most one weight per movie: bounded so, no score can overflow to infinity.
    float largest = Float.MAX_VALUE / Math.max(1, movies);
    for (int i = 0; i < movies; i++) {
      int row = i * movies;
      if (weights[row + i] != 0f) {
        return "movie index " + i + " has self-weight " + weights[row + i] + " instead of 0";
      }
      for (int j = 0; j < movies; j++) {
        float weight = weights[row + j];
        if (!(Math.abs(weight) <= largest)) {
          return "weight from movie index " + i + " to " + j + " is " + weight;
        }
      }
    }
    return null;
  }
}
