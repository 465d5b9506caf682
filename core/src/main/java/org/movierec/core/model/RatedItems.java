package org.movierec.core.model;

import java.util.Arrays;
import org.movierec.core.data.RatingDataset;

/**
 * Which movies each user rated in training, as compressed sparse rows of dense indices, so that
 * recommendations can leave them out without the training data at hand.
 */
public final class RatedItems {

  private final int[] offsets;
  private final int[] movies;

  private RatedItems(int[] offsets, int[] movies) {
    this.offsets = offsets;
    this.movies = movies;
  }

  /**
   * Collects the rated movies of every user in a dataset, by its dense indices; a pair rated twice
   * is listed once.
   */
  public static RatedItems of(RatingDataset dataset) {
    int userCount = dataset.users().size();
    int[] offsets = new int[userCount + 1];
    for (int row = 0; row < dataset.size(); row++) {
      offsets[dataset.userIndex(row) + 1]++;
    }
    for (int user = 0; user < userCount; user++) {
      offsets[user + 1] += offsets[user];
    }
    int[] fill = Arrays.copyOf(offsets, userCount);
    int[] movies = new int[dataset.size()];
    for (int row = 0; row < dataset.size(); row++) {
      movies[fill[dataset.userIndex(row)]++] = dataset.movieIndex(row);
    }
    // Sorted and without repeats, so that lookups can binary-search and a repeated pair counts
    // once.
    int kept = 0;
    int start = 0;
    for (int user = 0; user < userCount; user++) {
      int end = offsets[user + 1];
      Arrays.sort(movies, start, end);
      for (int i = start; i < end; i++) {
        if (i == start || movies[i] != movies[i - 1]) {
          movies[kept++] = movies[i];
        }
      }
      start = end;
      offsets[user + 1] = kept;
    }
    return new RatedItems(offsets, kept == movies.length ? movies : Arrays.copyOf(movies, kept));
  }

  /**
   * Rebuilds rated items from their stored arrays.
   *
   * @param offsets where each user's movies start, one more than there are users
   * @param movies every user's dense movies, ascending within a user
   * @param movieCount the number of movies the indices refer to
   * @throws IllegalArgumentException when the arrays are inconsistent
   */
  public static RatedItems fromArrays(int[] offsets, int[] movies, int movieCount) {
    if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != movies.length) {
      throw new IllegalArgumentException("rated-items offsets do not span the movie list");
    }
    for (int user = 0; user + 1 < offsets.length; user++) {
      if (offsets[user + 1] < offsets[user]) {
        throw new IllegalArgumentException("rated-items offsets decrease at user " + user);
      }
      if (offsets[user + 1] > movies.length) {
        throw new IllegalArgumentException(
            "rated-items offsets run past the " + movies.length + " movies at user " + user);
      }
      for (int i = offsets[user]; i < offsets[user + 1]; i++) {
        if (movies[i] < 0 || movies[i] >= movieCount) {
          throw new IllegalArgumentException(
              "user " + user + " rated movie index " + movies[i] + " of " + movieCount);
        }
        if (i > offsets[user] && movies[i] <= movies[i - 1]) {
          throw new IllegalArgumentException(
              "user " + user + "'s rated movies are not strictly ascending");
        }
      }
    }
    return new RatedItems(offsets, movies);
  }

  /** The number of users covered. */
  public int userCount() {
    return offsets.length - 1;
  }

  /** How many movies a user rated. */
  public int count(int denseUser) {
    return offsets[denseUser + 1] - offsets[denseUser];
  }

  /** Tells whether a user rated a movie. */
  public boolean contains(int denseUser, int denseMovie) {
    return Arrays.binarySearch(movies, offsets[denseUser], offsets[denseUser + 1], denseMovie) >= 0;
  }

  /** The dense movies a user rated, ascending. */
  public int[] moviesOf(int denseUser) {
    return Arrays.copyOfRange(movies, offsets[denseUser], offsets[denseUser + 1]);
  }

  /** How many users rated each movie, for dense movie indices {@code 0..movieCount-1}. */
  public int[] movieCounts(int movieCount) {
    int[] counts = new int[movieCount];
    for (int movie : movies) {
      counts[movie]++;
    }
    return counts;
  }

  /** The row offsets, for storage. */
  public int[] offsets() {
    return offsets.clone();
  }

  /** The movie indices, for storage. */
  public int[] movies() {
    return movies.clone();
  }
}
