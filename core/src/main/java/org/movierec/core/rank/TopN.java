package org.movierec.core.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Keeps the best {@code capacity} of a stream of (id, score) candidates, the one top-N selection
 * that every recommender and evaluator uses. A bounded min-heap over primitive arrays: offering n
 * candidates costs O(n log capacity) time and no allocation, and memory is O(capacity).
 *
 * <p>Order: a higher score is better; exact ties go to the lower id, so the result does not depend
 * on the order of the offers. {@code NaN} ranks below every number (a model that produced it is
 * broken, but one bad movie must not push the good ones out of a list). Ranking is by the score as
 * offered: recommenders offer the raw score, never one clipped to the rating scale, since clipping
 * turns every preference above the top of the scale into a tie.
 *
 * <p>Not thread-safe: use one selector per thread, and {@link #clear()} it between users.
 */
public final class TopN {

  private final int[] ids;
  private final float[] scores;
  private int size;

  /**
   * A selector that keeps up to {@code capacity} entries. Size it by what can be offered, as {@link
   * #bounded} does, never by a caller's request alone.
   *
   * @throws IllegalArgumentException when the capacity is negative
   */
  public TopN(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("top-N capacity must be >= 0, got " + capacity);
    }
    ids = new int[capacity];
    scores = new float[capacity];
  }

  /**
   * A selector for the best {@code requested} of at most {@code candidates} offers: its memory
   * follows the smaller of the two, so a request for two billion movies over a catalog of 1,682
   * allocates for 1,682.
   *
   * @throws IllegalArgumentException when either count is negative
   */
  public static TopN bounded(int requested, int candidates) {
    if (requested < 0 || candidates < 0) {
      throw new IllegalArgumentException(
          "need requested >= 0 and candidates >= 0, got " + requested + " and " + candidates);
    }
    return new TopN(Math.min(requested, candidates));
  }

  /** The most entries kept. */
  public int capacity() {
    return ids.length;
  }

  /** The entries kept so far. */
  public int size() {
    return size;
  }

  /** Forgets every entry, keeping the arrays for the next user. */
  public void clear() {
    size = 0;
  }

  /** Offers one candidate; it is kept when the selector has room or it beats the worst kept. */
  public void offer(int id, float score) {
    if (size < ids.length) {
      ids[size] = id;
      scores[size] = score;
      siftUp(size++);
    } else if (size > 0 && better(id, score, ids[0], scores[0])) {
      ids[0] = id;
      scores[0] = score;
      siftDown(ids, scores, 0, size);
    }
  }

  /**
   * Whether an entry with this score could be kept now, before its id is known: false only when the
   * list is full and the score is below its worst entry's, where {@link #offer} would change
   * nothing. A caller over a large catalog checks this first and skips the work of naming and
   * filtering the many candidates that cannot enter.
   */
  public boolean mightKeep(float score) {
    if (size < ids.length) {
      return true;
    }
    float candidate = Float.isNaN(score) ? Float.NEGATIVE_INFINITY : score;
    float worst = Float.isNaN(scores[0]) ? Float.NEGATIVE_INFINITY : scores[0];
    return candidate >= worst;
  }

  /** Turns one kept entry into a caller's value. */
  @FunctionalInterface
  public interface EntryMapper<T> {
    /** The value for an entry. */
    T map(int id, float score);
  }

  /** The kept entries best first, mapped to the caller's values; the selector is left as is. */
  public <T> List<T> toList(EntryMapper<T> mapper) {
    int[] heapIds = Arrays.copyOf(ids, size);
    float[] heapScores = Arrays.copyOf(scores, size);
    List<T> worstFirst = new ArrayList<>(size);
    for (int remaining = size; remaining > 0; remaining--) {
      worstFirst.add(mapper.map(heapIds[0], heapScores[0]));
      int last = remaining - 1;
      heapIds[0] = heapIds[last];
      heapScores[0] = heapScores[last];
      siftDown(heapIds, heapScores, 0, last);
    }
    Collections.reverse(worstFirst);
    return worstFirst;
  }

  /** Tells whether candidate a ranks above candidate b. */
  static boolean better(int idA, float scoreA, int idB, float scoreB) {
    float a = Float.isNaN(scoreA) ? Float.NEGATIVE_INFINITY : scoreA;
    float b = Float.isNaN(scoreB) ? Float.NEGATIVE_INFINITY : scoreB;
    return a > b || (a == b && idA < idB);
  }

  private void siftUp(int index) {
    int child = index;
    while (child > 0) {
      int parent = (child - 1) >>> 1;
      if (!better(ids[parent], scores[parent], ids[child], scores[child])) {
        return;
      }
      swap(ids, scores, parent, child);
      child = parent;
    }
  }

  private static void siftDown(int[] ids, float[] scores, int index, int length) {
    int parent = index;
    while (true) {
      int worst = parent;
      int left = 2 * parent + 1;
      int right = left + 1;
      if (left < length && better(ids[worst], scores[worst], ids[left], scores[left])) {
        worst = left;
      }
      if (right < length && better(ids[worst], scores[worst], ids[right], scores[right])) {
        worst = right;
      }
      if (worst == parent) {
        return;
      }
      swap(ids, scores, parent, worst);
      parent = worst;
    }
  }

  private static void swap(int[] ids, float[] scores, int i, int j) {
    int id = ids[i];
    ids[i] = ids[j];
    ids[j] = id;
    float score = scores[i];
    scores[i] = scores[j];
    scores[j] = score;
  }
}
