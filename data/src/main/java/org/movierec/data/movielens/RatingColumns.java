package org.movierec.data.movielens;

import java.util.Arrays;
import org.movierec.core.data.ColumnarRatings;

/**
 * Fixed-size column buffers the parsers fill in place; unlike a record, they can be cut or
 * compacted one column at a time, so at most one extra column is alive while they shrink.
 */
final class RatingColumns {

  int[] users;
  int[] movies;
  float[] ratings;
  int[] timestamps;

  /** Columns of {@code capacity} rows. */
  RatingColumns(int capacity) {
    users = new int[capacity];
    movies = new int[capacity];
    ratings = new float[capacity];
    timestamps = new int[capacity];
  }

  /** The number of rows. */
  int size() {
    return users.length;
  }

  /** Moves {@code count} rows from {@code from} to {@code to}; the ranges may overlap. */
  void move(int from, int to, int count) {
    if (from != to) {
      System.arraycopy(users, from, users, to, count);
      System.arraycopy(movies, from, movies, to, count);
      System.arraycopy(ratings, from, ratings, to, count);
      System.arraycopy(timestamps, from, timestamps, to, count);
    }
  }

  /** Cuts the columns to {@code rows}. */
  void trim(int rows) {
    if (users.length != rows) {
      users = Arrays.copyOf(users, rows);
      movies = Arrays.copyOf(movies, rows);
      ratings = Arrays.copyOf(ratings, rows);
      timestamps = Arrays.copyOf(timestamps, rows);
    }
  }

  /**
   * Removes the given rows, sorted ascending, and cuts the columns to the rows left.
   *
   * @param drop row numbers in ascending order, each at most once
   */
  void remove(int[] drop) {
    if (drop.length == 0) {
      return;
    }
    int write = drop[0];
    for (int i = 0; i < drop.length; i++) {
      int from = drop[i] + 1;
      int to = i + 1 < drop.length ? drop[i + 1] : users.length;
      move(from, write, to - from);
      write += to - from;
    }
    trim(write);
  }

  /** Hands the columns over to core's representation; this object must not be used afterwards. */
  ColumnarRatings.Columns toColumns() {
    return new ColumnarRatings.Columns(users, movies, ratings, timestamps);
  }
}
