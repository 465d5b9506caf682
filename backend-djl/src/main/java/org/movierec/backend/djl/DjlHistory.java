package org.movierec.backend.djl;

import org.movierec.core.model.RatedItems;
import org.movierec.model.UserHistory;

/**
 * The movies each user rated, and how a network with a {@link UserHistory} turns them into the
 * user's vector: {@code own + w(n) * sum_j movie_j} over the {@code n} rated movies in ascending
 * dense order, summed in float, with {@code w(n)} = {@code 1/n} or {@code 1/sqrt(n)}. Training, the
 * model's known users and folded-in users all go through {@link #addHistory}, so that every path
 * forms the same vector from the same ratings, bit for bit.
 */
final class DjlHistory {

  private final UserHistory mode;
  private final int[] offsets;
  private final int[] movies;

  private DjlHistory(UserHistory mode, int[] offsets, int[] movies) {
    this.mode = mode;
    this.offsets = offsets;
    this.movies = movies;
  }

  /** The histories of the users of {@code rated}. */
  static DjlHistory of(UserHistory mode, RatedItems rated) {
    return new DjlHistory(mode, rated.offsets(), rated.movies());
  }

  /** How the vectors are formed. */
  UserHistory mode() {
    return mode;
  }

  /** The number of users. */
  int users() {
    return offsets.length - 1;
  }

  /** Where user {@code u}'s movies start in {@link #movieArray()}. */
  int start(int user) {
    return offsets[user];
  }

  /** Where user {@code u}'s movies end in {@link #movieArray()}. */
  int end(int user) {
    return offsets[user + 1];
  }

  /** Every user's rated movies, ascending within a user; the live array. */
  int[] movieArray() {
    return movies;
  }

  /** The weight of each of user {@code u}'s rated movies in their vector. */
  float weight(int user) {
    return mode.weight(offsets[user + 1] - offsets[user]);
  }

  /**
   * Adds {@code weight * sum_j table[movies[j]]} over {@code movies[from..to)} into {@code
   * out[offset..offset+dim)}: the sum is formed first, from zero in the given order, then scaled
   * and added.
   */
  static void addHistory(
      UserHistory mode,
      int[] movies,
      int from,
      int to,
      float[] table,
      int dim,
      float[] out,
      int offset) {
    int n = to - from;
    if (n == 0 || !mode.usesHistory()) {
      return;
    }
    float weight = mode.weight(n);
    float[] sum = new float[dim];
    sum(movies, from, to, table, dim, sum, 0);
    for (int k = 0; k < dim; k++) {
      out[offset + k] += weight * sum[k];
    }
  }

  /**
   * Adds {@code sum_j table[movies[j]]} over {@code movies[from..to)}, in that order, to {@code
   * out}.
   */
  static void sum(int[] movies, int from, int to, float[] table, int dim, float[] out, int offset) {
    for (int i = from; i < to; i++) {
      int base = movies[i] * dim;
      for (int k = 0; k < dim; k++) {
        out[offset + k] += table[base + k];
      }
    }
  }

  /** Adds user {@code u}'s history to {@code out[offset..offset+dim)}. */
  void addTo(int user, float[] movieTable, int dim, float[] out, int offset) {
    addHistory(mode, movies, offsets[user], offsets[user + 1], movieTable, dim, out, offset);
  }

  /**
   * Every user's vector: their own row of {@code own} (unless the mode leaves it out) plus their
   * history; a new array.
   */
  float[] userTable(float[] own, float[] movieTable, int dim) {
    float[] table = mode.usesOwnEmbedding() ? own.clone() : new float[own.length];
    for (int user = 0; user < users(); user++) {
      addTo(user, movieTable, dim, table, user * dim);
    }
    return table;
  }
}
