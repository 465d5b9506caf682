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

  /** Collects the rated movies of every user in a dataset, by its dense indices. */
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
    for (int user = 0; user < userCount; user++) {
      Arrays.sort(movies, offsets[user], offsets[user + 1]);
    }
    return new RatedItems(offsets, movies);
  }

  /**
   * Rebuilds rated items from their stored arrays.
   *
   * @throws IllegalArgumentException when the arrays are inconsistent
   */
  public static RatedItems fromArrays(int[] offsets, int[] movies) {
    if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != movies.length) {
      throw new IllegalArgumentException("rated-items offsets do not span the movie list");
    }
    for (int i = 1; i < offsets.length; i++) {
      if (offsets[i] < offsets[i - 1]) {
        throw new IllegalArgumentException("rated-items offsets decrease at user " + (i - 1));
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

  /** The row offsets, for storage. */
  public int[] offsets() {
    return offsets.clone();
  }

  /** The movie indices, for storage. */
  public int[] movies() {
    return movies.clone();
  }
}
