package org.movierec.backend.djl;

import java.util.Arrays;
import java.util.SplittableRandom;
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
  private final float[] labels;
  private int size;
  private int positives;
  private long historySeed;

  /** Empty buffers for batches of up to {@code capacity} pairs. */
  DjlBatch(int capacity) {
    this.users = new int[capacity];
    this.movies = new int[capacity];
    this.ratings = new float[capacity];
    this.labels = new float[capacity];
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
    Arrays.fill(labels, 0, length, 1f);
    size = length;
    positives = length;
  }

  /**
   * Fills the batch for a ranking objective: each of the rows {@code order[start] .. order[start +
   * length - 1]} as a positive (label 1, its rating less the offset as the rating target), followed
   * by {@code negatives} movies its user did not rate (label 0, rating target NaN: no rating to
   * fit), drawn by {@code sampler} with {@code random}. A user who rated every movie has no
   * negatives.
   */
  void fillRanking(
      RatingDataset data,
      DjlOffset offset,
      int[] order,
      int start,
      int length,
      DjlNegativeSampler sampler,
      int negatives,
      SplittableRandom random) {
    if ((long) length * (1 + negatives) > users.length) {
      throw new IllegalArgumentException(
          "a batch of "
              + length
              + " ratings with "
              + negatives
              + " negatives each does not fit buffers of "
              + users.length);
    }
    int at = 0;
    for (int i = 0; i < length; i++) {
      int row = order[start + i];
      int user = data.userIndex(row);
      int movie = data.movieIndex(row);
      users[at] = user;
      movies[at] = movie;
      ratings[at] = offset.target(user, movie, data.rating(row));
      labels[at] = 1f;
      at++;
      if (sampler.unrated(user) > 0) {
        for (int n = 0; n < negatives; n++) {
          users[at] = user;
          movies[at] = sampler.draw(user, random);
          ratings[at] = Float.NaN;
          labels[at] = 0f;
          at++;
        }
      }
    }
    size = at;
    positives = length;
  }

  /** Fills the batch with given pairs, targets and labels, for tests of the losses. */
  void fillRaw(int[] pairUsers, int[] pairMovies, float[] targets, float[] pairLabels) {
    int length = pairUsers.length;
    System.arraycopy(pairUsers, 0, users, 0, length);
    System.arraycopy(pairMovies, 0, movies, 0, length);
    System.arraycopy(targets, 0, ratings, 0, length);
    System.arraycopy(pairLabels, 0, labels, 0, length);
    size = length;
    int count = 0;
    for (int i = 0; i < length; i++) {
      count += pairLabels[i] > 0 ? 1 : 0;
    }
    positives = count;
  }

  /** The most pairs a batch can hold. */
  int capacity() {
    return users.length;
  }

  /** The number of pairs. */
  int size() {
    return size;
  }

  /** The number of pairs that are training ratings (label 1). */
  int positives() {
    return positives;
  }

  /**
   * Per pair, 1 for a training rating and 0 for a sampled negative; the first {@link #size()} are
   * this batch's.
   */
  float[] labels() {
    return labels;
  }

  /** The dense user indices; the first {@link #size()} are this batch's. */
  int[] users() {
    return users;
  }

  /** Seeds the random source that picks the movies of each user's history this batch keeps. */
  void historySeed(long seed) {
    historySeed = seed;
  }

  /**
   * The seed of the random source that picks the movies of each user's history this batch keeps.
   */
  long historySeed() {
    return historySeed;
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
