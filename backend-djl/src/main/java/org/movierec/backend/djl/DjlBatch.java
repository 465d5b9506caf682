package org.movierec.backend.djl;

import org.movierec.core.data.RatingDataset;

/**
 * One batch of training pairs as parallel columns, filled in place from the training ratings in a
 * shuffled order: the buffers are allocated once per run, so an epoch copies nothing but its
 * batches.
 */
final class DjlBatch {

  private final int[] users;
  private final int[] movies;
  private final float[] ratings;
  private int size;

  /** Empty buffers for batches of up to {@code capacity} pairs. */
  DjlBatch(int capacity) {
    this.users = new int[capacity];
    this.movies = new int[capacity];
    this.ratings = new float[capacity];
  }

  /**
   * Fills the batch with the rows {@code order[start] .. order[start + length - 1]} of the data,
   * each rating less the offset of its pair: what the network is to output.
   */
  void fill(RatingDataset data, DjlOffset offset, int[] order, int start, int length) {
    if (length > users.length) {
      throw new IllegalArgumentException(
          "a batch of " + length + " pairs does not fit buffers of " + users.length);
    }
    for (int i = 0; i < length; i++) {
      int row = order[start + i];
      users[i] = data.userIndex(row);
      movies[i] = data.movieIndex(row);
      ratings[i] = offset.target(users[i], movies[i], data.rating(row));
    }
    size = length;
  }

  /** The most pairs a batch can hold. */
  int capacity() {
    return users.length;
  }

  /** The number of pairs. */
  int size() {
    return size;
  }

  /** The dense user indices; the first {@link #size()} are this batch's. */
  int[] users() {
    return users;
  }

  /** The dense movie indices; the first {@link #size()} are this batch's. */
  int[] movies() {
    return movies;
  }

  /**
   * The network's targets: the ratings, less the offset under {@code output_offset}; the first
   * {@link #size()} are this batch's.
   */
  float[] ratings() {
    return ratings;
  }
}
