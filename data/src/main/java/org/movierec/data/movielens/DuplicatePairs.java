package org.movierec.data.movielens;

import java.util.Arrays;

/**
 * Finds rows that repeat an earlier row's (user, movie) pair, in one pass when rows come grouped by
 * user as in every MovieLens ratings file, and after a counting sort by user otherwise.
 */
final class DuplicatePairs {

  private DuplicatePairs() {}

  /**
   * The rows, ascending, whose (user, movie) pair appeared on an earlier row.
   *
   * @param users dense user ids below {@code userCount}
   * @param movies dense movie ids below {@code movieCount}
   */
  static int[] find(int[] users, int[] movies, int userCount, int movieCount) {
    int[] lastUserOfMovie = new int[movieCount];
    Arrays.fill(lastUserOfMovie, -1);
    boolean[] finished = new boolean[userCount];
    RowList duplicates = new RowList();
    int current = -1;
    for (int row = 0; row < users.length; row++) {
      int user = users[row];
      if (user != current) {
        if (current >= 0) {
          finished[current] = true;
        }
        if (finished[user]) {
          return findUngrouped(users, movies, userCount, lastUserOfMovie);
        }
        current = user;
      }
      int movie = movies[row];
      if (lastUserOfMovie[movie] == user) {
        duplicates.add(row);
      } else {
        lastUserOfMovie[movie] = user;
      }
    }
    return duplicates.toArray();
  }

  private static int[] findUngrouped(
      int[] users, int[] movies, int userCount, int[] lastUserOfMovie) {
    int[] starts = new int[userCount + 1];
    for (int user : users) {
      starts[user + 1]++;
    }
    for (int user = 0; user < userCount; user++) {
      starts[user + 1] += starts[user];
    }
    int[] order = new int[users.length];
    for (int row = 0; row < users.length; row++) {
      order[starts[users[row]]++] = row;
    }
    Arrays.fill(lastUserOfMovie, -1);
    RowList duplicates = new RowList();
    for (int row : order) {
      int user = users[row];
      int movie = movies[row];
      if (lastUserOfMovie[movie] == user) {
        duplicates.add(row);
      } else {
        lastUserOfMovie[movie] = user;
      }
    }
    int[] rows = duplicates.toArray();
    Arrays.sort(rows);
    return rows;
  }

  /** A growing list of row numbers. */
  private static final class RowList {
    private int[] rows = new int[8];
    private int size;

    void add(int row) {
      if (size == rows.length) {
        rows = Arrays.copyOf(rows, size * 2);
      }
      rows[size++] = row;
    }

    int[] toArray() {
      return Arrays.copyOf(rows, size);
    }
  }
}
