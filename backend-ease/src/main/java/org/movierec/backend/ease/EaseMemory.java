package org.movierec.backend.ease;

import java.util.Locale;
import org.movierec.core.config.ConfigException;

/**
 * What EASE's dense solve needs in memory for a catalog of {@code movies} movies, checked against
 * the heap before any work. The solve holds two dense {@code movies x movies} double matrices at
 * once, the Gram matrix (factored in place into its Cholesky factor) and its inverse: {@code 16
 * movies²} bytes. The weights it leaves are one dense float matrix, {@code 4 movies²} bytes, made
 * after the factor is dropped, so they never raise the peak; they are also what a model file
 * stores, which must stay under the 2 GiB model-file limit. Beside the matrices, the trainer holds
 * a compacted copy of the ratings and the per-user and per-movie indices the Gram matrix is counted
 * from, at most {@link #BYTES_PER_RATING} bytes a rating.
 *
 * @param movies the movies in the catalog
 * @param ratings the training ratings
 * @param heapMax the most the heap can grow to ({@link Runtime#maxMemory})
 * @param heapUsed what the heap holds now, the training ratings included
 */
record EaseMemory(int movies, long ratings, long heapMax, long heapUsed) {

  /**
   * An upper bound on the trainer's own copies per rating: the compacted ratings (raw and dense
   * ids, rating and time, 24 bytes with the builder's slack), each user's rated movies (4) and each
   * movie's raters (4), twice over for the rated items the model keeps and a validation hold-out.
   */
  static final long BYTES_PER_RATING = 48;

  /** The largest model file {@link org.movierec.core.file.ModelFileWriter} writes, with room. */
  static final long FILE_LIMIT = Integer.MAX_VALUE - 64L - (1 << 20);

  /** Checks that the numbers describe a catalog and a heap. */
  EaseMemory {
    if (movies < 0 || ratings < 0 || heapMax <= 0 || heapUsed < 0) {
      throw new IllegalArgumentException(
          "no catalog of "
              + movies
              + " movies and "
              + ratings
              + " ratings in a heap of "
              + heapMax
              + " using "
              + heapUsed);
    }
  }

  /** The budget of this JVM for a catalog and its ratings, read from its runtime now. */
  static EaseMemory of(int movies, long ratings, Runtime runtime) {
    return new EaseMemory(
        movies, ratings, runtime.maxMemory(), runtime.totalMemory() - runtime.freeMemory());
  }

  /** The bytes of the two dense double matrices the solve holds at once. */
  long solveBytes() {
    return 2L * Double.BYTES * movies * movies;
  }

  /** The bytes of the dense float weights the model keeps and its file stores. */
  long weightBytes() {
    return (long) Float.BYTES * movies * movies;
  }

  /** The bytes of the trainer's copies of the ratings and their indices. */
  long ratingBytes() {
    return BYTES_PER_RATING * ratings;
  }

  /** Everything the fit adds to the heap at its peak: the two matrices and the rating copies. */
  long peakBytes() {
    return solveBytes() + ratingBytes();
  }

  /** What the heap can still take: its maximum less what it holds now. */
  long heapFree() {
    return Math.max(0, heapMax - heapUsed);
  }

  /** The largest catalog whose solve fits, with the same ratings, in what the heap can take. */
  int largestCatalog() {
    return (int) Math.sqrt(Math.max(0, heapFree() - ratingBytes()) / (2.0 * Double.BYTES));
  }

  /**
   * Refuses a catalog whose solve would not fit the heap, or whose weights would not fit a model
   * file, before any of it is allocated.
   *
   * @throws ConfigException naming the memory needed, the heap there is and what to use instead
   */
  void requireFits() {
    if (peakBytes() > heapFree()) {
      throw new ConfigException(
          String.format(
              Locale.ROOT,
              "backend=ease cannot train on %,d movies in this JVM: its solve holds two dense %,d"
                  + " x %,d double matrices at once (the Gram matrix's Cholesky factor and its"
                  + " inverse), %s, and its copies of the %,d ratings %s more, but the heap has %s"
                  + " free of its %s maximum (-Xmx); use"
                  + " backend=itemknn, which keeps only the nearest neighbours of each movie, or"
                  + " give EASE a catalog of at most %,d movies here (or a heap above %s)",
              movies,
              movies,
              movies,
              bytes(solveBytes()),
              ratings,
              bytes(ratingBytes()),
              bytes(heapFree()),
              bytes(heapMax),
              largestCatalog(),
              bytes(peakBytes() + heapUsed)));
    }
    if (weightBytes() > FILE_LIMIT) {
      throw new ConfigException(
          String.format(
              Locale.ROOT,
              "backend=ease cannot train on %,d movies: its dense float weights, %s, would not fit"
                  + " a model file (at most 2 GiB, about 23,170 movies); use backend=itemknn, which"
                  + " keeps only the nearest neighbours of each movie",
              movies,
              bytes(weightBytes())));
    }
  }

  /** Bytes for people in the units of {@code -Xmx}: {@code 43.2 MiB}, {@code 58.1 GiB}. */
  static String bytes(long bytes) {
    if (bytes < 1L << 20) {
      return String.format(Locale.ROOT, "%,d bytes", bytes);
    }
    if (bytes < 1L << 30) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
  }

  /** One line for the log: the catalog, what its solve needs and what the heap has. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "%,d movies, %,d ratings: the solve needs %s, the rating copies %s, the weights %s; the"
            + " heap has %s free of %s",
        movies,
        ratings,
        bytes(solveBytes()),
        bytes(ratingBytes()),
        bytes(weightBytes()),
        bytes(heapFree()),
        bytes(heapMax));
  }
}
