package org.movierec.backend.itemknn;

import org.movierec.core.file.SectionReader;
import org.movierec.core.file.SectionWriter;

/**
 * The similarities an item-kNN model keeps: {@code sim(i, j)} for every movie {@code i} among the
 * {@code K} most similar to movie {@code j} (its neighbours), zero for every other pair. They are
 * stored by source movie {@code i}, as compressed sparse rows of the targets {@code j} whose
 * neighbour lists hold {@code i}, ascending, so that a user's scores are the sum of the rows of the
 * movies they rated. A movie is never its own neighbour. Immutable and safe to share between
 * threads; 8 bytes per kept similarity plus 4 per movie.
 */
final class ItemNeighbours {

  /** The largest similarity a file may hold: cosine is at most 1, give or take float rounding. */
  private static final float MAX_SIMILARITY = 1.0001f;

  private final int[] offsets;
  private final int[] targets;
  private final float[] similarities;

  private ItemNeighbours(int[] offsets, int[] targets, float[] similarities) {
    this.offsets = offsets;
    this.targets = targets;
    this.similarities = similarities;
  }

  /**
   * Turns neighbour lists by target movie into rows by source movie.
   *
   * @param neighbours {@code neighbours[j]}: the dense movies among target {@code j}'s neighbours
   * @param weights {@code weights[j][n]}: the similarity of {@code neighbours[j][n]} to {@code j}
   */
  static ItemNeighbours fromTargets(int[][] neighbours, float[][] weights) {
    int movies = neighbours.length;
    int[] offsets = new int[movies + 1];
    long total = 0;
    for (int[] list : neighbours) {
      for (int source : list) {
        offsets[source + 1]++;
      }
      total += list.length;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(
          total + " kept similarities exceed the " + (Integer.MAX_VALUE - 8) + " one model holds");
    }
    for (int movie = 0; movie < movies; movie++) {
      offsets[movie + 1] += offsets[movie];
    }
    int[] fill = java.util.Arrays.copyOf(offsets, movies);
    int[] targets = new int[(int) total];
    float[] similarities = new float[(int) total];
    // Targets in ascending order, so every row comes out sorted.
    for (int target = 0; target < movies; target++) {
      int[] list = neighbours[target];
      for (int n = 0; n < list.length; n++) {
        int at = fill[list[n]]++;
        targets[at] = target;
        similarities[at] = weights[target][n];
      }
    }
    return new ItemNeighbours(offsets, targets, similarities);
  }

  /** The number of movies. */
  int movieCount() {
    return offsets.length - 1;
  }

  /** The number of kept similarities. */
  int size() {
    return targets.length;
  }

  /** The kept similarity of {@code source} to {@code target}: zero unless it is a neighbour. */
  float similarity(int source, int target) {
    int at = java.util.Arrays.binarySearch(targets, offsets[source], offsets[source + 1], target);
    return at >= 0 ? similarities[at] : 0f;
  }

  /** Adds the row of {@code source} to {@code out}: {@code out[j] += sim(source, j)}. */
  void addRow(int source, float[] out) {
    for (int at = offsets[source]; at < offsets[source + 1]; at++) {
      out[targets[at]] += similarities[at];
    }
  }

  /**
   * Adds the row of {@code source}, weighted by a residual, to the sums of a weighted mean: {@code
   * numerator[j] += sim * residual}, {@code denominator[j] += sim}.
   */
  void addWeightedRow(int source, float residual, float[] numerator, float[] denominator) {
    for (int at = offsets[source]; at < offsets[source + 1]; at++) {
      int target = targets[at];
      float similarity = similarities[at];
      numerator[target] += similarity * residual;
      denominator[target] += similarity;
    }
  }

  /**
   * Fills {@code out[i]} with the kept similarity of every movie {@code i} to {@code target}: its
   * neighbour list, zero elsewhere.
   */
  void neighboursOf(int target, float[] out) {
    for (int source = 0; source < out.length; source++) {
      out[source] = similarity(source, target);
    }
  }

  /** Appends the rows to a model-file section. */
  void writeTo(SectionWriter out) {
    out.putInts(offsets).putInts(targets).putFloats(similarities);
  }

  /**
   * Reads rows written by {@link #writeTo} for a model of {@code movieCount} movies.
   *
   * @throws org.movierec.core.file.ModelFileException when the rows are inconsistent: offsets that
   *     do not span the targets, a target out of range, repeated or out of order, a movie listed as
   *     its own neighbour, or a similarity that is not in {@code (0, 1]}
   */
  static ItemNeighbours readFrom(SectionReader in, int movieCount) {
    int[] offsets = in.getInts();
    int[] targets = in.getInts();
    float[] similarities = in.getFloats();
    if (offsets.length != movieCount + 1) {
      throw in.corrupt(offsets.length + " row offsets for " + movieCount + " movies");
    }
    if (similarities.length != targets.length) {
      throw in.corrupt(targets.length + " neighbours but " + similarities.length + " similarities");
    }
    if (offsets[0] != 0 || offsets[movieCount] != targets.length) {
      throw in.corrupt("the row offsets do not span the " + targets.length + " neighbours");
    }
    for (int source = 0; source < movieCount; source++) {
      int start = offsets[source];
      int end = offsets[source + 1];
      if (end < start || end > targets.length) {
        throw in.corrupt("the row offsets decrease or overrun at movie index " + source);
      }
      for (int at = start; at < end; at++) {
        int target = targets[at];
        if (target < 0 || target >= movieCount || target == source) {
          throw in.corrupt("movie index " + source + " lists neighbour target " + target);
        }
        if (at > start && target <= targets[at - 1]) {
          throw in.corrupt("the row of movie index " + source + " is not strictly ascending");
        }
        float similarity = similarities[at];
        if (!(similarity > 0 && similarity <= MAX_SIMILARITY)) {
          throw in.corrupt(
              "similarity " + similarity + " of movie indices " + source + " and " + target);
        }
      }
    }
    return new ItemNeighbours(offsets, targets, similarities);
  }
}
