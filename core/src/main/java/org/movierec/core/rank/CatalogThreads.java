package org.movierec.core.rank;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Scores one user's catalog on several cores at once ({@code recommend_threads}): the catalog is
 * cut into contiguous chunks, the calling thread scores the first and hands the others to helper
 * threads that are idle at that moment. Only the threads no other list holds are used: with as many
 * lists in flight in the process as threads (a busy server, or a batch that already runs one list
 * per core), each list stays on its caller. A chunk no helper takes at once is scored by the caller
 * itself, so no list queues behind another; a caller that finishes its own chunk before a helper
 * has started one takes that chunk back. Each chunk's scores are computed exactly as one thread
 * computes them, so the result does not depend on the thread count.
 *
 * <p>Helpers are daemon threads shared by every model asking for the same count, so replacing a
 * served model starts no threads. Thread-safe.
 */
public final class CatalogThreads {

  /**
   * The fewest movies worth a chunk of their own: below about this many, waking a helper costs more
   * than the chunk's scoring saves (see BENCHMARKS.md, "Top-N over an ml-25m-shaped catalog").
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
   * Runs {@code chunk} over {@code [0, count)} cut into contiguous ranges whose starts are
   * multiples of {@code align}, none shorter than {@link #MIN_CHUNK} but the last, and at most
   * {@link #threads()} of them less one for every other list in flight; returns when all have run.
   * A chunk's exception is thrown here, after every chunk has finished.
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
      int chunks = Math.min(threads - others, count / MIN_CHUNK);
      if (chunks <= 1) {
        chunk.score(0, count);
      } else {
        runChunks(count, align, chunks, chunk);
      }
    } finally {
      IN_FLIGHT.decrementAndGet();
    }
  }

  private void runChunks(int count, int align, int chunks, Chunk chunk) {
    int length = roundUp((count + chunks - 1) / chunks, align);
    chunks = (count + length - 1) / length;
    Claims claims = new Claims(chunks);
    for (int i = 1; i < chunks; i++) {
      int index = i;
      try {
        helpers.execute(() -> claims.runIfUnclaimed(index, chunk, length, count));
      } catch (RejectedExecutionException busy) {
        // no helper idle: the caller scores this chunk below
      }
    }
    for (int i = 0; i < chunks; i++) {
      claims.runIfUnclaimed(i, chunk, length, count);
    }
    claims.awaitAll();
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

  /** Which chunks of one call some thread has taken, and which have finished. */
  private static final class Claims {

    private final AtomicBoolean[] taken;
    private final CountDownLatch finished;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Claims(int chunks) {
      taken = new AtomicBoolean[chunks];
      for (int i = 0; i < chunks; i++) {
        taken[i] = new AtomicBoolean();
      }
      finished = new CountDownLatch(chunks);
    }

    void runIfUnclaimed(int index, Chunk chunk, int length, int count) {
      if (!taken[index].compareAndSet(false, true)) {
        return;
      }
      try {
        int start = index * length;
        chunk.score(start, Math.min(count, start + length));
      } catch (Throwable e) {
        if (!failure.compareAndSet(null, e)) {
          failure.get().addSuppressed(e);
        }
      } finally {
        finished.countDown();
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
        throw new IllegalStateException("a catalog chunk failed", e);
      }
    }
  }
}
