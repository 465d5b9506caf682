package org.movierec.backend.djl;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The user history in lazy training: gathers each user of a batch as their own row plus the
 * weighted sum of the movie rows they rated ({@link DjlHistory}), and turns the gradient of those
 * user vectors into gradients of the movie rows. A user's vector is formed once per batch however
 * many of its pairs they appear in; the gradient of their vector is summed over those pairs and
 * reaches each movie they rated times the history's weight, in one {@link DjlLazyTable} step
 * together with the gradients of the batch's own movie rows. The cost per batch grows with the
 * ratings of the batch's users, never with the catalog.
 *
 * <p>Not thread-safe: one thread uses it at a time (the training pipeline's order).
 */
final class DjlLazyHistory {

  private final DjlHistory history;
  private final int dim;

  /** Per user, their position among the distinct users being grouped, or -1. */
  private final int[] position;

  private int[] distinctUsers = new int[0];
  private float[] perUser = new float[0];
  private int[] rowIndices = new int[0];
  private float[] rowGradients = new float[0];

  /** Over the rated movies of {@code users} users with vectors of {@code dim} values. */
  DjlLazyHistory(DjlHistory history, int users, int dim) {
    if (history.users() != users) {
      throw new IllegalArgumentException(
          "a history of " + history.users() + " users for a table of " + users);
    }
    this.history = history;
    this.dim = dim;
    this.position = new int[users];
    Arrays.fill(position, -1);
  }

  /**
   * Writes each pair's user vector, own row plus history, into columns {@code 0..dim} of the input
   * matrix rows: {@code x[p * width ...]}.
   */
  void gatherUsers(
      DjlLazyTable users, DjlLazyTable movies, DjlBatch batch, FloatBuffer x, int width) {
    int distinct = group(batch.users(), batch.size());
    float[] userValues = users.values();
    float[] movieValues = movies.values();
    for (int d = 0; d < distinct; d++) {
      int user = distinctUsers[d];
      if (history.mode().usesOwnEmbedding()) {
        System.arraycopy(userValues, user * dim, perUser, d * dim, dim);
      } else {
        Arrays.fill(perUser, d * dim, (d + 1) * dim, 0f);
      }
      history.addTo(user, movieValues, dim, perUser, d * dim);
    }
    int[] pairs = batch.users();
    for (int p = 0; p < batch.size(); p++) {
      x.put(p * width, perUser, position[pairs[p]] * dim, dim);
    }
    release(distinct);
  }

  /**
   * Begins the movie table's step of a batch: the gradients of its movie rows (columns {@code
   * dim..2 dim} of {@code gradient}) and, for each distinct user, the summed gradient of their
   * vector (columns {@code 0..dim}) times their history's weight for every movie they rated.
   */
  void begin(
      DjlLazyTable movies, DjlBatch batch, float[] gradient, int width, DjlLazyTable.Step step) {
    int n = batch.size();
    int[] pairs = batch.users();
    int distinct = group(pairs, n);
    Arrays.fill(perUser, 0, distinct * dim, 0f);
    for (int p = 0; p < n; p++) {
      int to = position[pairs[p]] * dim;
      int from = p * width;
      for (int k = 0; k < dim; k++) {
        perUser[to + k] += gradient[from + k];
      }
    }
    long rows = n;
    for (int d = 0; d < distinct; d++) {
      int user = distinctUsers[d];
      rows += history.end(user) - history.start(user);
    }
    reserveRows(Math.toIntExact(rows));
    int[] batchMovies = batch.movies();
    for (int p = 0; p < n; p++) {
      rowIndices[p] = batchMovies[p];
      System.arraycopy(gradient, p * width + dim, rowGradients, p * dim, dim);
    }
    int at = n;
    int[] rated = history.movieArray();
    for (int d = 0; d < distinct; d++) {
      int user = distinctUsers[d];
      float weight = history.weight(user);
      for (int i = history.start(user); i < history.end(user); i++) {
        rowIndices[at] = rated[i];
        int to = at * dim;
        for (int k = 0; k < dim; k++) {
          rowGradients[to + k] = weight * perUser[d * dim + k];
        }
        at++;
      }
    }
    release(distinct);
    movies.begin(rowIndices, at, rowGradients, dim, 0, step);
  }

  /** Numbers the distinct users of {@code users[0..count)} in order of first appearance. */
  private int group(int[] users, int count) {
    if (distinctUsers.length < count) {
      distinctUsers = new int[count];
      perUser = new float[count * dim];
    }
    int distinct = 0;
    for (int p = 0; p < count; p++) {
      int user = users[p];
      if (position[user] < 0) {
        position[user] = distinct;
        distinctUsers[distinct++] = user;
      }
    }
    return distinct;
  }

  private void release(int distinct) {
    for (int d = 0; d < distinct; d++) {
      position[distinctUsers[d]] = -1;
    }
  }

  private void reserveRows(int rows) {
    if (rowIndices.length < rows) {
      int capacity = Math.max(rows, rowIndices.length * 3 / 2);
      rowIndices = new int[capacity];
      rowGradients = new float[Math.multiplyExact(capacity, dim)];
    }
  }
}
