package org.movierec.data.split;

import org.movierec.core.data.RatingDataset;

/** A dataset's rows grouped by dense user index, each group in row order (a counting sort). */
final class UserGroups {

  private final int[] rows;
  private final int[] starts;

  private UserGroups(int[] rows, int[] starts) {
    this.rows = rows;
    this.starts = starts;
  }

  /** Groups the rows of {@code data} by user. */
  static UserGroups of(RatingDataset data) {
    int users = data.users().size();
    int[] starts = new int[users + 1];
    for (int row = 0; row < data.size(); row++) {
      starts[data.userIndex(row) + 1]++;
    }
    for (int user = 0; user < users; user++) {
      starts[user + 1] += starts[user];
    }
    int[] next = starts.clone();
    int[] rows = new int[data.size()];
    for (int row = 0; row < data.size(); row++) {
      rows[next[data.userIndex(row)]++] = row;
    }
    return new UserGroups(rows, starts);
  }

  /** The rows, user by user; callers may reorder rows within a group. */
  int[] rows() {
    return rows;
  }

  /** Where a user's group starts in {@link #rows()}; {@code start(userCount())} is the end. */
  int start(int user) {
    return starts[user];
  }

  /** The number of users, with or without rows. */
  int userCount() {
    return starts.length - 1;
  }

  /** The size of the largest group. */
  int largestGroup() {
    int largest = 0;
    for (int user = 0; user < userCount(); user++) {
      largest = Math.max(largest, starts[user + 1] - starts[user]);
    }
    return largest;
  }
}
