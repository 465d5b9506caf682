package org.movierec.data.movielens;

import java.nio.file.Path;
import org.movierec.data.DatasetTooLargeException;

/**
 * Checks, before the parser's rating columns are allocated, that the heap can hold them: 16 bytes
 * per rating (two int ids, a float rating and an int time, the parser's working form; the stored
 * dataset then shrinks the ratings to byte codes), compared with what is left of {@link
 * Runtime#maxMemory()}.
 */
final class MemoryBudget {

  /** The heap one rating takes in the parser's columns. */
  static final long BYTES_PER_RATING = 16;

  private MemoryBudget() {}

  /**
   * Refuses {@code ratings} rows of {@code file} when they would not fit in the heap left: the
   * JVM's maximum heap minus what is in use now.
   *
   * @throws DatasetTooLargeException saying how much is needed and what is available
   */
  static void require(Path file, long ratings) {
    Runtime runtime = Runtime.getRuntime();
    long left = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    long needed = ratings * BYTES_PER_RATING;
    if (needed > left) {
      throw new DatasetTooLargeException(
          file, ratings, needed, Math.max(0, left), runtime.maxMemory());
    }
  }
}
