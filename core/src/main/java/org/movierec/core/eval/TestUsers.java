package org.movierec.core.eval;

import java.util.Arrays;
import org.movierec.core.data.RatingDataset;

/**
 * The users of a test set in ascending raw-id order, each with its rows, so that ranking can take
 * one user at a time. Costs 8 bytes per test row.
 */
final class TestUsers {

  private final long[] userAndRow;
  private final int[] starts;
  private final int count;

  private TestUsers(long[] userAndRow, int[] starts, int count) {
    this.userAndRow = userAndRow;
    this.starts = starts;
    this.count = count;
  }

  /** Groups the rows of a test set by raw user id. */
  static TestUsers of(RatingDataset test) {
    long[] userAndRow = new long[test.size()];
    for (int row = 0; row < userAndRow.length; row++) {
      userAndRow[row] = ((long) test.rawUserId(row) << 32) | row;
    }
    Arrays.sort(userAndRow);
    int[] starts = new int[userAndRow.length + 1];
    int count = 0;
    for (int i = 0; i < userAndRow.length; i++) {
      if (i == 0 || rawUserOf(userAndRow[i]) != rawUserOf(userAndRow[i - 1])) {
        starts[count++] = i;
      }
    }
    starts[count] = userAndRow.length;
    return new TestUsers(userAndRow, starts, count);
  }

  /** The number of distinct test users. */
  int count() {
    return count;
  }

  /** The raw id of the user at a position in ascending raw-id order. */
  int rawUser(int user) {
    return rawUserOf(userAndRow[starts[user]]);
  }

  /** The sorted, distinct raw ids of the movies a user rated at or above the threshold. */
  int[] relevantMovies(int user, RatingDataset test, double threshold) {
    int length = starts[user + 1] - starts[user];
    int[] movies = new int[length];
    float[] ratings = new float[length];
    for (int i = 0; i < length; i++) {
      int row = (int) userAndRow[starts[user] + i];
      movies[i] = test.rawMovieId(row);
      ratings[i] = test.rating(row);
    }
    return UserRanking.relevant(movies, ratings, length, threshold);
  }

  private static int rawUserOf(long packed) {
    return (int) (packed >> 32);
  }
}
