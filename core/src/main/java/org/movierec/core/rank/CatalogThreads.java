package org.movierec.core.rank;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scores one user's catalog on several cores at once ({@code recommend_threads}): the catalog is
 * cut into contiguous pieces of {@link #MIN_CHUNK} movies, which the calling thread and the helper
 * threads idle at that moment take one at a time until none is left. Only the threads no other list
 * holds take part: with as many lists in flight in the process as threads (a busy server, or a
 * batch that already runs one list per core), each list stays on its caller. A helper that is not
 * idle, or that another process keeps off its core, costs the caller at most the piece it holds:
 * the caller scores every piece no helper has taken, so no list queues behind another. Each piece
 * is scored exactly as one thread scores it, so the result does not depend on the thread count.
 *
 * <p>Helpers are daemon threads shared by every model asking for the same count, so replacing a
 * served model starts no threads. Thread-safe.
 */
public final class CatalogThreads {

  /**
   * The movies of one piece, and the fewest per thread worth waking a helper for: below about this
   * many, the hand-off costs more than it saves (see BENCHMARKS.md, "Top-N over an ml-25m-shaped
   * catalog"), and smaller pieces would add a claim per few microseconds of scoring.
   */
  public static final int MIN_CHUNK = 4096;

  /** The most threads one list may use. */
  public static final int MAX_THREADS = 64;

  private static final CatalogThreads SINGLE = new CatalogThreads(1, null);
  private static final Map<Integer, CatalogThreads> SHARED = new ConcurrentHashMap<>();

  /** Lists being scored in this process through any instance, on one thread or several. */
  private static final AtomicInteger IN_FLIGHT = new AtomicInteger();

  private final int threads;
  private final ThreadPoolExecutor helpers;

  private CatalogThreads(int threads, ThreadPoolExecutor helpers) {
    this.threads = threads;
    this.helpers = helpers;
  }

  /** Scores every chunk on the calling thread. */
  public static CatalogThreads single() {
    return SINGLE;
  }

  /**
   * Up to {@code requested} threads per list, the caller included; 0 asks for one per available
   * core.
   *
   * @throws IllegalArgumentException when the request is negative or above {@link #MAX_THREADS}
   */
  public static CatalogThreads of(int requested) {
    if (requested < 0 || requested > MAX_THREADS) {
      throw new IllegalArgumentException(
          "recommend_threads must be in 0.."
              + MAX_THREADS
              + " (0 = one per core), got "
              + requested);
    }
    int threads = requested == 0 ? Runtime.getRuntime().availableProcessors() : requested;
    if (threads == 1) {
      return SINGLE;
    }
    return SHARED.computeIfAbsent(threads, n -> new CatalogThreads(n, helperPool(n - 1)));
  }

  /** The most threads one list uses, the caller included. */
  public int threads() {
    return threads;
  }

  /**
   * Runs {@code chunk} over {@code [0, count)}, in one call on the caller when the catalog or the
   * threads free for it allow no split, else in pieces of {@link #MIN_CHUNK} movies rounded up to a
   * multiple of {@code align} (every piece starts at such a multiple) on the caller and on up to
   * {@link #threads()} less one, less one for every other list in flight, idle helpers; returns
   * when every piece has run. A piece's exception is thrown here, after every piece has finished.
   *
   * @throws IllegalArgumentException when {@code count} is negative or {@code align} is not
   *     positive
   */
  public void forEachChunk(int count, int align, Chunk chunk) {
    if (count < 0 || align < 1) {
      throw new IllegalArgumentException(
          "need count >= 0 and align >= 1, got " + count + " and " + align);
    }
    int others = IN_FLIGHT.getAndIncrement();
    try {
      int participants = Math.min(threads - others, count / MIN_CHUNK);
      if (participants <= 1) {
        chunk.score(0, count);
      } else {
        runPieces(count, align, participants, chunk);
      }
    } finally {
      IN_FLIGHT.decrementAndGet();
    }
  }

  private void runPieces(int count, int align, int participants, Chunk chunk) {
    Pieces pieces = new Pieces(count, roundUp(MIN_CHUNK, align), chunk);
    for (int i = 1; i < participants; i++) {
      try {
        helpers.execute(pieces::drain);
      } catch (RejectedExecutionException busy) {
        break; // no helper idle: the caller scores what the others leave
      }
    }
    pieces.drain();
    pieces.awaitAll();
  }

  /** One range of a catalog to score. */
  @FunctionalInterface
  public interface Chunk {

    /** Scores the movies {@code [start, end)}. */
    void score(int start, int end);
  }

  private static int roundUp(int value, int multiple) {
    return (value + multiple - 1) / multiple * multiple;
  }

  /**
   * Helpers that take a chunk only when idle: a direct hand-off with no queue, so {@code execute}
   * is refused when every helper is busy.
   */
  private static ThreadPoolExecutor helperPool(int size) {
    AtomicInteger number = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            size,
            size,
            0,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            task -> {
              Thread thread =
                  new Thread(
                      task, "movierec-catalog-" + (size + 1) + "-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    pool.prestartAllCoreThreads();
    return pool;
  }

  /** The pieces of one call: which is next to take, and how many have finished. */
  private static final class Pieces {

    private final int count;
    private final int length;
    private final int pieceCount;
    private final Chunk chunk;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch finished;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Pieces(int count, int length, Chunk chunk) {
      this.count = count;
      this.length = length;
      this.pieceCount = (int) (((long) count + length - 1) / length);
      this.chunk = chunk;
      this.finished = new CountDownLatch(pieceCount);
    }

    /** Scores pieces until none is left to take. */
    void drain() {
      for (int piece = next.getAndIncrement(); piece < pieceCount; piece = next.getAndIncrement()) {
        int start = piece * length;
        try {
          chunk.score(start, (int) Math.min(count, (long) start + length));
        } catch (Throwable e) {
          if (!failure.compareAndSet(null, e)) {
            failure.get().addSuppressed(e);
          }
        } finally {
          finished.countDown();
        }
      }
    }

    void awaitAll() {
      boolean interrupted = false;
      while (true) {
        try {
          finished.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      Throwable e = failure.get();
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e instanceof Error error) {
        throw error;
      }
      if (e != null) {
        throw new IllegalStateException("a catalog piece failed", e);
      }
    }
  }
}
