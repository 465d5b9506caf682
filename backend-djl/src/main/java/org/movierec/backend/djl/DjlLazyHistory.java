package org.movierec.backend.djl;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The user history in lazy training: gathers each user of a batch as their own row plus the
 * weighted sum of the movie rows they rated ({@link DjlHistory}), and turns the gradient of those
 * user vectors into gradients of the movie rows, in one {@link DjlLazyTable} step together with the
 * gradients of the batch's own movie rows. The cost per batch grows with the ratings of the batch's
 * users, never with the catalog.
 *
 * <p>Two things make training see users as lists see them:
 *
 * <ul>
 *   <li>A training rating is ranked with a history that leaves its own movie out, {@code own +
 *       w(n-1) * (sum - movie)} (FISM's exclusion, Kabbur et al. 2013): a movie to be listed is
 *       never in the history of the user it is listed for, and with it in, the network could tell a
 *       rated movie from a negative by finding it in the history, a cue no list offers. A sampled
 *       negative sees the whole history.
 *   <li>With a dropout {@code p > 0}, each of a user's rated movies is left out of their history
 *       for a batch with probability {@code p}, drawn from the batch's seed, so that the network
 *       learns to rank from short histories too, as a new user's few ratings are.
 * </ul>
 *
 * <p>Not thread-safe: one thread uses it at a time (the training pipeline's order).
 */
final class DjlLazyHistory {

  private final DjlHistory history;
  private final int dim;
  private final float dropout;

  /** Per user, their position among the distinct users being grouped, or -1. */
  private final int[] position;

  private int[] distinctUsers = new int[0];

  /** The movies of each distinct user's history for this batch: {@code kept[keptStart[d]..)}. */
  private int[] kept = new int[0];

  private int[] keptStart = new int[1];
  private float[] perUser = new float[0];
  private float[] own = new float[0];
  private float[] sums = new float[0];
  private final float[] excluded;

  /** The pairs of the batch being begun whose history left their own movie out, in order. */
  private int[] leftOutPairs = new int[0];

  private int[] rowIndices = new int[0];
  private float[] rowGradients = new float[0];

  /**
   * Over the rated movies of {@code users} users with vectors of {@code dim} values, each rated
   * movie left out of a batch's history with probability {@code dropout}.
   */
  DjlLazyHistory(DjlHistory history, int users, int dim, double dropout) {
    if (history.users() != users) {
      throw new IllegalArgumentException(
          "a history of " + history.users() + " users for a table of " + users);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("history dropout " + dropout + " is not in [0, 1)");
    }
    this.history = history;
    this.dim = dim;
    this.dropout = (float) dropout;
    this.excluded = new float[dim];
    this.position = new int[users];
    Arrays.fill(position, -1);
  }

  /** Writes each pair's user vector into columns {@code 0..dim} of the input matrix rows. */
  void gatherUsers(
      DjlLazyTable users, DjlLazyTable movies, DjlBatch batch, FloatBuffer x, int width) {
    int distinct = group(batch.users(), batch.size());
    keep(distinct, batch);
    float[] userValues = users.values();
    float[] movieValues = movies.values();
    for (int d = 0; d < distinct; d++) {
      int user = distinctUsers[d];
      if (history.mode().usesOwnEmbedding()) {
        System.arraycopy(userValues, user * dim, own, d * dim, dim);
      } else {
        Arrays.fill(own, d * dim, (d + 1) * dim, 0f);
      }
      Arrays.fill(sums, d * dim, (d + 1) * dim, 0f);
      DjlHistory.sum(kept, keptStart[d], keptStart[d + 1], movieValues, dim, sums, d * dim);
      float weight = weight(d, 0);
      for (int k = d * dim; k < (d + 1) * dim; k++) {
        perUser[k] = own[k] + weight * sums[k];
      }
    }
    int[] pairs = batch.users();
    int[] pairMovies = batch.movies();
    for (int p = 0; p < batch.size(); p++) {
      int d = position[pairs[p]];
      if (ranksAKeptMovie(batch, p, d)) {
        float weight = weight(d, 1);
        int movie = pairMovies[p] * dim;
        for (int k = 0; k < dim; k++) {
          excluded[k] = own[d * dim + k] + weight * (sums[d * dim + k] - movieValues[movie + k]);
        }
        x.put(p * width, excluded, 0, dim);
      } else {
        x.put(p * width, perUser, d * dim, dim);
      }
    }
    release(distinct);
  }

  /**
   * Begins the movie table's step of a batch: the gradients of its movie rows (columns {@code
   * dim..2 dim} of {@code gradient}) and the history's share of the gradient of each pair's user
   * vector (columns {@code 0..dim}): every movie kept in a user's history gets {@code w(k)} times
   * the gradients of the pairs that saw the whole kept history plus {@code w(k-1)} times those of
   * the ratings that left their own movie out, and each such rating's movie gets {@code -w(k-1)}
   * times its gradient back.
   */
  void begin(
      DjlLazyTable movies, DjlBatch batch, float[] gradient, int width, DjlLazyTable.Step step) {
    int n = batch.size();
    int[] pairs = batch.users();
    int distinct = group(pairs, n);
    keep(distinct, batch);
    Arrays.fill(perUser, 0, distinct * dim, 0f);
    Arrays.fill(sums, 0, distinct * dim, 0f);
    if (leftOutPairs.length < n) {
      leftOutPairs = new int[n];
    }
    int excludedPairs = 0;
    for (int p = 0; p < n; p++) {
      int d = position[pairs[p]];
      boolean leftOut = ranksAKeptMovie(batch, p, d);
      if (leftOut) {
        leftOutPairs[excludedPairs++] = p;
      }
      float[] sum = leftOut ? sums : perUser;
      int from = p * width;
      for (int k = 0; k < dim; k++) {
        sum[d * dim + k] += gradient[from + k];
      }
    }
    reserveRows(Math.addExact(Math.addExact(n, excludedPairs), keptStart[distinct]));
    int[] batchMovies = batch.movies();
    for (int p = 0; p < n; p++) {
      rowIndices[p] = batchMovies[p];
      System.arraycopy(gradient, p * width + dim, rowGradients, p * dim, dim);
    }
    int at = n;
    for (int i = 0; i < excludedPairs; i++) {
      int p = leftOutPairs[i];
      float weight = -weight(position[pairs[p]], 1);
      rowIndices[at] = batchMovies[p];
      for (int k = 0; k < dim; k++) {
        rowGradients[at * dim + k] = weight * gradient[p * width + k];
      }
      at++;
    }
    for (int d = 0; d < distinct; d++) {
      float whole = weight(d, 0);
      float leftOut = weight(d, 1);
      for (int k = d * dim; k < (d + 1) * dim; k++) {
        perUser[k] = whole * perUser[k] + leftOut * sums[k];
      }
      for (int i = keptStart[d]; i < keptStart[d + 1]; i++) {
        rowIndices[at] = kept[i];
        System.arraycopy(perUser, d * dim, rowGradients, at * dim, dim);
        at++;
      }
    }
    release(distinct);
    movies.begin(rowIndices, at, rowGradients, dim, 0, step);
  }

  /** The history weight of distinct user {@code d}'s kept movies, less {@code fewer} of them. */
  private float weight(int d, int fewer) {
    return history.mode().weight(keptStart[d + 1] - keptStart[d] - fewer);
  }

  /**
   * Tells whether pair {@code p} is a training rating whose movie is in its user's kept history.
   */
  private boolean ranksAKeptMovie(DjlBatch batch, int p, int d) {
    return batch.labels()[p] > 0
        && Arrays.binarySearch(kept, keptStart[d], keptStart[d + 1], batch.movies()[p]) >= 0;
  }

  /**
   * Chooses each distinct user's history for the batch: every rated movie, or with a dropout each
   * one kept with probability {@code 1 - p}, drawn in order from the batch's seed so that the
   * gather and the step of one batch keep the same movies.
   */
  private void keep(int distinct, DjlBatch batch) {
    int total = 0;
    for (int d = 0; d < distinct; d++) {
      total += history.end(distinctUsers[d]) - history.start(distinctUsers[d]);
    }
    if (kept.length < total) {
      kept = new int[Math.max(total, kept.length * 3 / 2)];
    }
    if (keptStart.length < distinct + 1) {
      keptStart = new int[Math.max(distinct + 1, keptStart.length * 3 / 2)];
    }
    SplittableRandom random = dropout > 0 ? new SplittableRandom(batch.historySeed()) : null;
    int[] rated = history.movieArray();
    int at = 0;
    for (int d = 0; d < distinct; d++) {
      keptStart[d] = at;
      int user = distinctUsers[d];
      for (int i = history.start(user); i < history.end(user); i++) {
        if (random == null || random.nextFloat() >= dropout) {
          kept[at++] = rated[i];
        }
      }
    }
    keptStart[distinct] = at;
  }

  /** Numbers the distinct users of {@code users[0..count)} in order of first appearance. */
  private int group(int[] users, int count) {
    if (distinctUsers.length < count) {
      distinctUsers = new int[count];
      perUser = new float[count * dim];
      own = new float[count * dim];
      sums = new float[count * dim];
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
