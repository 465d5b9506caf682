package org.movierec.core.random;

import java.util.random.RandomGenerator;

/**
 * The one Fisher-Yates shuffle every seeded permutation in movierec goes through, so that splits,
 * hold-outs and epoch orders draw the same numbers from the same generator.
 */
public final class Shuffle {

  private Shuffle() {}

  /**
   * Permutes {@code values} in place uniformly at random, drawing {@code random.nextInt(i + 1)} for
   * i from the last index down to 1: the draw order the seeded results depend on.
   */
  public static void inPlace(int[] values, RandomGenerator random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }

  /** A uniformly random permutation of {@code 0 .. size - 1}. */
  public static int[] permutation(int size, RandomGenerator random) {
    int[] values = identity(size);
    inPlace(values, random);
    return values;
  }

  /** The numbers {@code 0 .. size - 1} in order: the starting point of a permutation. */
  public static int[] identity(int size) {
    int[] values = new int[size];
    for (int i = 0; i < size; i++) {
      values[i] = i;
    }
    return values;
  }
}
