package org.movierec.data;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A ratings file holds more ratings than the Java heap can take; thrown after the lines are counted
 * and before the columns are allocated, so the reader fails at once instead of with an
 * OutOfMemoryError deep in a parser. The message says how much memory is needed and how to get it.
 */
public final class DatasetTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final long ratings;
  private final long neededBytes;
  private final long availableBytes;

  /**
   * Describes a file too large for the heap.
   *
   * @param file the ratings file
   * @param ratings the number of rating lines counted in it
   * @param neededBytes the heap the ratings need
   * @param availableBytes the heap still available, of {@code maxBytes}
   * @param maxBytes the largest heap this JVM may use ({@link Runtime#maxMemory()})
   */
  public DatasetTooLargeException(
      Path file, long ratings, long neededBytes, long availableBytes, long maxBytes) {
    super(
        String.format(
            Locale.ROOT,
            "%s holds %,d ratings, which need about %s of Java heap (%d bytes each), but only %s"
                + " of the %s maximum heap is available; give Java more heap, e.g. java -Xmx%dm"
                + " (MAVEN_OPTS=-Xmx%dm for mvn exec:java), or read a smaller file",
            Objects.requireNonNull(file, "file"),
            ratings,
            mebibytes(neededBytes),
            ratings == 0 ? 0 : neededBytes / ratings,
            mebibytes(availableBytes),
            mebibytes(maxBytes),
            suggestedHeapMiB(neededBytes, maxBytes - availableBytes),
            suggestedHeapMiB(neededBytes, maxBytes - availableBytes)));
    this.file = file;
    this.ratings = ratings;
    this.neededBytes = neededBytes;
    this.availableBytes = availableBytes;
  }

  /** The ratings file. */
  public Path file() {
    return file;
  }

  /** The number of rating lines counted. */
  public long ratings() {
    return ratings;
  }

  /** The heap the ratings need, in bytes. */
  public long neededBytes() {
    return neededBytes;
  }

  /** The heap that was available, in bytes. */
  public long availableBytes() {
    return availableBytes;
  }

  private static String mebibytes(long bytes) {
    return String.format(Locale.ROOT, "%,d MiB", (bytes + (1 << 20) - 1) >> 20);
  }

  /** What is in use now plus what is needed, with half again for the rest of the run. */
  private static long suggestedHeapMiB(long neededBytes, long usedBytes) {
    long bytes = usedBytes + neededBytes + neededBytes / 2;
    return Math.max(64, (bytes + (1 << 20) - 1) >> 20);
  }
}
