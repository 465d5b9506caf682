package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.movierec.core.model.RatedItems;
import org.movierec.model.UserHistory;

/**
 * The user history of lazy training against a hand computation: the vectors a batch's pairs see (a
 * training rating without its own movie, a negative with the whole history) and the gradients that
 * reach the movie rows.
 */
class DjlLazyHistoryTest {

  private static final int DIM = 2;
  private static final int WIDTH = 2 * DIM;
  private static final int MOVIES = 5;

  /** User 0 rated movies 0, 1 and 2; user 1 rated 1 and 3. */
  private static final RatedItems RATED =
      RatedItems.fromArrays(new int[] {0, 3, 5}, new int[] {0, 1, 2, 1, 3}, MOVIES);

  private static final float[] OWN = {0.5f, -0.25f, 1.5f, 2f};
  private static final float[] MOVIE_ROWS = {1, 2, 3, 5, 7, 11, 13, 17, 19, 23};

  @Test
  void gatherUsers_ratingLeavesItsMovieOutNegativeSeesWholeHistory_equalsHandComputation() {
    DjlBatch batch = batch();
    float[] x = gather(history(0), batch);

    float w2 = (float) (1 / Math.sqrt(2));
    float w3 = (float) (1 / Math.sqrt(3));
    // (user 0, movie 1, rating): own + w(2) * (m0 + m2)
    assertThat(row(x, 0)).containsExactly(0.5f + w2 * (1 + 7), -0.25f + w2 * (2 + 11));
    // (user 0, movie 3, negative): own + w(3) * (m0 + m1 + m2)
    assertThat(row(x, 1)).containsExactly(0.5f + w3 * (1 + 3 + 7), -0.25f + w3 * (2 + 5 + 11));
    // (user 1, movie 3, rating): own + w(1) * m1
    assertThat(row(x, 2)).containsExactly(1.5f + 3, 2f + 5);
  }

  @Test
  void begin_gradientsOfTheMovieRows_equalHandComputation() {
    DjlBatch batch = batch();
    float[] gradient = randomGradient(7);
    float[] moved = step(history(0), batch, gradient);

    double w1 = 1;
    double w2 = 1 / Math.sqrt(2);
    double w3 = 1 / Math.sqrt(3);
    for (int k = 0; k < DIM; k++) {
      double g0 = gradient[k];
      double g1 = gradient[WIDTH + k];
      double g2 = gradient[2 * WIDTH + k];
      double h0 = gradient[DIM + k];
      double h1 = gradient[WIDTH + DIM + k];
      double h2 = gradient[2 * WIDTH + DIM + k];
      assertThat(moved[k]).as("movie 0").isCloseTo((float) (w2 * g0 + w3 * g1), within(1e-6f));
      assertThat(moved[DIM + k])
          .as("movie 1: its rating pair's own row, not its history share")
          .isCloseTo((float) (h0 + w3 * g1 + w1 * g2), within(1e-6f));
      assertThat(moved[2 * DIM + k])
          .as("movie 2")
          .isCloseTo((float) (w2 * g0 + w3 * g1), within(1e-6f));
      assertThat(moved[3 * DIM + k])
          .as("movie 3: two pairs' rows, no history share from the rating that left it out")
          .isCloseTo((float) (h1 + h2), within(1e-6f));
      assertThat(moved[4 * DIM + k]).as("movie 4, in no history and no pair").isZero();
    }
  }

  @Test
  void dropout_keepsASubsetPerUserTheSameInGatherAndStep_reproducibleForASeed() {
    DjlBatch batch = batch();
    List<Integer> first = null;
    boolean differs = false;
    for (long seed = 0; seed < 40; seed++) {
      batch.historySeed(seed);
      float[] x = gather(history(0.6), batch);
      assertThat(gather(history(0.6), batch)).as("seed %d again", seed).containsExactly(x);
      List<Integer> keptByUser0 = seenIn(new int[] {0, 1, 2}, row(x, 1), 0);
      List<Integer> seenByRating0 = new ArrayList<>(keptByUser0);
      seenByRating0.remove(Integer.valueOf(1));
      assertThat(seenIn(new int[] {0, 2}, row(x, 0), 0))
          .as("seed %d: the rating of movie 1 sees user 0's kept history without movie 1", seed)
          .isEqualTo(seenByRating0);
      List<Integer> seenByRating2 = seenIn(new int[] {1}, row(x, 2), 1);
      first = first == null ? keptByUser0 : first;
      differs |= !keptByUser0.equals(first);

      float[] gradient = randomGradient(seed);
      float[] moved = step(history(0.6), batch, gradient);
      float[] expected = handGradient(List.of(seenByRating0, keptByUser0, seenByRating2), gradient);
      for (int i = 0; i < expected.length; i++) {
        assertThat(moved[i]).as("seed %d, value %d", seed, i).isCloseTo(expected[i], within(1e-5f));
      }
    }
    assertThat(differs).as("different seeds keep different histories").isTrue();
  }

  @Test
  void dropout_outsideZeroToOne_isRefused() {
    assertThatThrownBy(() -> history(1)).hasMessageContaining("history dropout 1.0");
  }

  private static DjlLazyHistory history(double dropout) {
    return new DjlLazyHistory(DjlHistory.of(UserHistory.SQRT, RATED), 2, DIM, dropout);
  }

  private static DjlBatch batch() {
    DjlBatch batch = new DjlBatch(3);
    batch.fillRaw(new int[] {0, 0, 1}, new int[] {1, 3, 3}, new float[3], new float[] {1, 0, 1});
    return batch;
  }

  private static float[] gather(DjlLazyHistory history, DjlBatch batch) {
    FloatBuffer x = FloatBuffer.allocate(batch.size() * WIDTH);
    history.gatherUsers(users(), movies(), batch, x, WIDTH);
    float[] values = new float[batch.size() * WIDTH];
    x.get(0, values);
    return values;
  }

  /** The movie rows' change after one SGD step at rate 1: their summed gradients. */
  private static float[] step(DjlLazyHistory history, DjlBatch batch, float[] gradient) {
    DjlLazyTable movies = movies();
    FloatBuffer x = FloatBuffer.allocate(batch.size() * WIDTH);
    history.gatherUsers(users(), movies, batch, x, WIDTH);
    history.begin(movies, batch, gradient, WIDTH, new DjlLazyTable.Step(1, 0, 0.9, 0.999, 1e-8, 1));
    movies.finish();
    float[] moved = new float[MOVIE_ROWS.length];
    for (int i = 0; i < moved.length; i++) {
      moved[i] = MOVIE_ROWS[i] - movies.values()[i];
    }
    return moved;
  }

  /**
   * The movies among {@code candidates} whose weighted sum, over the user's own row, is {@code
   * vector}: the history one pair saw.
   */
  private static List<Integer> seenIn(int[] candidates, float[] vector, int user) {
    for (int mask = 0; mask < 1 << candidates.length; mask++) {
      List<Integer> subset = new ArrayList<>();
      for (int i = 0; i < candidates.length; i++) {
        if ((mask & 1 << i) != 0) {
          subset.add(candidates[i]);
        }
      }
      double weight = subset.isEmpty() ? 0 : 1 / Math.sqrt(subset.size());
      boolean matches = true;
      for (int k = 0; k < DIM; k++) {
        double sum = 0;
        for (int movie : subset) {
          sum += MOVIE_ROWS[movie * DIM + k];
        }
        matches &= Math.abs(OWN[user * DIM + k] + weight * sum - vector[k]) < 1e-4;
      }
      if (matches) {
        return subset;
      }
    }
    throw new AssertionError("user " + user + "'s vector is no subset of their history");
  }

  /** The movie rows' gradients for the batch's three pairs, each with the history it saw. */
  private static float[] handGradient(List<List<Integer>> seen, float[] gradient) {
    float[] expected = new float[MOVIE_ROWS.length];
    int[] pairMovies = {1, 3, 3};
    for (int p = 0; p < 3; p++) {
      List<Integer> history = seen.get(p);
      double weight = history.isEmpty() ? 0 : 1 / Math.sqrt(history.size());
      for (int k = 0; k < DIM; k++) {
        expected[pairMovies[p] * DIM + k] += gradient[p * WIDTH + DIM + k];
        for (int movie : history) {
          expected[movie * DIM + k] += (float) (weight * gradient[p * WIDTH + k]);
        }
      }
    }
    return expected;
  }

  private static float[] randomGradient(long seed) {
    Random random = new Random(seed);
    float[] gradient = new float[3 * WIDTH];
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return gradient;
  }

  private static DjlLazyTable users() {
    return new DjlLazyTable(2, DIM, OWN.clone(), false);
  }

  private static DjlLazyTable movies() {
    return new DjlLazyTable(MOVIES, DIM, MOVIE_ROWS.clone(), false);
  }

  private static float[] row(float[] x, int pair) {
    float[] row = new float[DIM];
    System.arraycopy(x, pair * WIDTH, row, 0, DIM);
    return row;
  }
}
