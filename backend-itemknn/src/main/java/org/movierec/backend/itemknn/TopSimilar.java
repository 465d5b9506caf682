package org.movierec.backend.itemknn;

import java.util.Arrays;

/**
 * The {@code capacity} most similar movies offered to it, higher similarity first and exact ties to
 * the lower index, kept in a bounded min-heap whose root is the worst kept; offering costs one
 * comparison for a movie that does not make it. Reused from one target movie to the next by one
 * thread.
 */
final class TopSimilar {

  private final int capacity;
  private final int[] movies;
  private final float[] values;
  private int size;

  /** An empty selection of at most {@code capacity} movies. */
  TopSimilar(int capacity) {
    this.capacity = capacity;
    this.movies = new int[capacity];
    this.values = new float[capacity];
  }

  /** Forgets every movie offered. */
  void clear() {
    size = 0;
  }

  /** Offers a movie and its similarity. */
  void offer(int movie, float value) {
    if (size < capacity) {
      movies[size] = movie;
      values[size] = value;
      siftUp(size++);
    } else if (capacity > 0 && better(movie, value, 0)) {
      movies[0] = movie;
      values[0] = value;
      siftDown(0);
    }
  }

  /** The number of movies kept. */
  int size() {
    return size;
  }

  /**
   * Writes the kept movies by ascending index into {@code outMovies[0..size)} and their
   * similarities into {@code outValues}.
   */
  void sortedInto(int[] outMovies, float[] outValues) {
    long[] packed = new long[size];
    for (int at = 0; at < size; at++) {
      packed[at] = ((long) movies[at] << 32) | (Float.floatToRawIntBits(values[at]) & 0xFFFFFFFFL);
    }
    Arrays.sort(packed);
    for (int at = 0; at < size; at++) {
      outMovies[at] = (int) (packed[at] >>> 32);
      outValues[at] = Float.intBitsToFloat((int) packed[at]);
    }
  }

  /** Whether the offered movie ranks above the kept one at heap slot {@code at}. */
  private boolean better(int movie, float value, int at) {
    return value > values[at] || (value == values[at] && movie < movies[at]);
  }

  private void siftUp(int at) {
    while (at > 0) {
      int parent = (at - 1) >>> 1;
      if (!better(movies[parent], values[parent], at)) {
        return;
      }
      swap(at, parent);
      at = parent;
    }
  }

  private void siftDown(int at) {
    while (true) {
      int left = 2 * at + 1;
      if (left >= size) {
        return;
      }
      int worst = left;
      int right = left + 1;
      if (right < size && better(movies[worst], values[worst], right)) {
        worst = right;
      }
      if (!better(movies[at], values[at], worst)) {
        return;
      }
      swap(at, worst);
      at = worst;
    }
  }

  private void swap(int a, int b) {
    int movie = movies[a];
    movies[a] = movies[b];
    movies[b] = movie;
    float value = values[a];
    values[a] = values[b];
    values[b] = value;
  }
}
