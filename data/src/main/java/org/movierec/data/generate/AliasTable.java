package org.movierec.data.generate;

import java.util.SplittableRandom;

/** Draws an index with probability proportional to its weight in constant time (Vose's method). */
final class AliasTable {

  private final double[] probability;
  private final int[] alias;

  /** A table over weights that are all positive and finite. */
  AliasTable(double[] weights) {
    int n = weights.length;
    probability = new double[n];
    alias = new int[n];
    double sum = 0;
    for (double weight : weights) {
      sum += weight;
    }
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int smallCount = 0;
    int largeCount = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / sum;
      if (scaled[i] < 1) {
        small[smallCount++] = i;
      } else {
        large[largeCount++] = i;
      }
    }
    while (smallCount > 0 && largeCount > 0) {
      int less = small[--smallCount];
      int more = large[--largeCount];
      probability[less] = scaled[less];
      alias[less] = more;
      scaled[more] = scaled[more] + scaled[less] - 1;
      if (scaled[more] < 1) {
        small[smallCount++] = more;
      } else {
        large[largeCount++] = more;
      }
    }
    while (largeCount > 0) {
      probability[large[--largeCount]] = 1;
    }
    while (smallCount > 0) {
      probability[small[--smallCount]] = 1;
    }
  }

  /** The next index drawn by weight. */
  int next(SplittableRandom random) {
    int i = random.nextInt(probability.length);
    return random.nextDouble() < probability[i] ? i : alias[i];
  }
}
