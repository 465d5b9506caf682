package org.movierec.data.split;

import java.util.Objects;
import org.movierec.core.data.GrowingIdMap;
import org.movierec.core.data.IdIndex;
import org.movierec.core.data.RatingDataset;

/**
 * A training set and a test set that share one id index, with the test users and movies that have
 * no training rating (cold start), so evaluation can count them instead of failing on them.
 *
 * @param train the ratings to train on
 * @param test the ratings to evaluate on; never a (user, movie) pair of {@code train}
 * @param coldUsers raw ids of test users without a training rating, in order of first test row
 * @param coldMovies raw ids of test movies without a training rating, in order of first test row
 */
public record Split(
    RatingDataset train, RatingDataset test, IdIndex coldUsers, IdIndex coldMovies) {

  /** Rejects missing parts and sides with different id indices. */
  public Split {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(coldUsers, "coldUsers");
    Objects.requireNonNull(coldMovies, "coldMovies");
    if (!train.users().equals(test.users()) || !train.movies().equals(test.movies())) {
      throw new IllegalArgumentException(
          "train and test must share one user index and one movie index");
    }
  }

  /**
   * A split of two datasets that share their id indices, finding the cold-start users and movies.
   */
  public static Split of(RatingDataset train, RatingDataset test) {
    boolean[] trainedUsers = new boolean[train.users().size()];
    boolean[] trainedMovies = new boolean[train.movies().size()];
    for (int row = 0; row < train.size(); row++) {
      trainedUsers[train.userIndex(row)] = true;
      trainedMovies[train.movieIndex(row)] = true;
    }
    GrowingIdMap coldUsers = new GrowingIdMap();
    GrowingIdMap coldMovies = new GrowingIdMap();
    for (int row = 0; row < test.size(); row++) {
      if (!trainedUsers[test.userIndex(row)]) {
        coldUsers.denseOf(test.rawUserId(row));
      }
      if (!trainedMovies[test.movieIndex(row)]) {
        coldMovies.denseOf(test.rawMovieId(row));
      }
    }
    return new Split(train, test, coldUsers.freeze(), coldMovies.freeze());
  }

  /** The number of test ratings whose user or movie is cold. */
  public int coldRatings() {
    int count = 0;
    for (int row = 0; row < test.size(); row++) {
      if (coldUsers.contains(test.rawUserId(row)) || coldMovies.contains(test.rawMovieId(row))) {
        count++;
      }
    }
    return count;
  }

  @Override
  public String toString() {
    return "Split[train="
        + train.size()
        + ", test="
        + test.size()
        + ", coldUsers="
        + coldUsers.size()
        + ", coldMovies="
        + coldMovies.size()
        + "]";
  }
}
