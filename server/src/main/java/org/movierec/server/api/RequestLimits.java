package org.movierec.server.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.movierec.server.ServerConfig;
import org.movierec.server.ServerKeys;

/**
 * Bounds the requests in flight per endpoint class and the time fold-ins and batch predictions may
 * compute. A request beyond its class's cap is answered 503 with {@code Retry-After} at once,
 * before any work; a computation past its deadline is answered 503 too, and keeps its class's slot
 * until it really ends, so that work the server could not stop still counts against the cap.
 */
public final class RequestLimits implements AutoCloseable {

  /** The endpoint classes, each with a cap of its own. */
  enum Kind {
    /** GET requests under /v1: lists, predictions, searches, descriptions. */
    READ("max_in_flight_reads"),
    /** POST /v1/recommendations: a new user folded in. */
    FOLD_IN("max_in_flight_foldins"),
    /** POST /v1/ratings:predict. */
    BATCH("max_in_flight_batches"),
    /** POST /admin/reload: one at a time, since each may hold a whole model file in memory. */
    RELOAD("one reload at a time");

    private final String limit;

    Kind(String limit) {
      this.limit = limit;
    }
  }

  /** Seconds a refused client is asked to wait. */
  static final int RETRY_AFTER_SECONDS = 1;

  private final Map<Kind, Semaphore> permits = new EnumMap<>(Kind.class);
  private final Map<Kind, Integer> caps = new EnumMap<>(Kind.class);
  private final ExecutorService compute;

  /** The caps of a configuration. */
  public RequestLimits(ServerConfig config) {
    caps.put(Kind.READ, config.get(ServerKeys.MAX_IN_FLIGHT_READS));
    caps.put(Kind.FOLD_IN, config.get(ServerKeys.MAX_IN_FLIGHT_FOLDINS));
    caps.put(Kind.BATCH, config.get(ServerKeys.MAX_IN_FLIGHT_BATCHES));
    caps.put(Kind.RELOAD, 1);
    caps.forEach((kind, cap) -> permits.put(kind, new Semaphore(cap)));
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        task -> {
          Thread thread = new Thread(task, "movierec-compute-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    // Threads are bounded by the fold-in and batch permits, taken before a task is submitted.
    this.compute = Executors.newCachedThreadPool(threads);
  }

  /** A handler that runs only while its class is under its cap. */
  Handler guard(Kind kind, Handler handler) {
    return ctx -> {
      Semaphore semaphore = acquire(ctx, kind);
      try {
        handler.handle(ctx);
      } finally {
        semaphore.release();
      }
    };
  }

  /**
   * Runs a computation of a class under its cap and within a deadline.
   *
   * @throws ApiException 503 when the class is at its cap or the deadline passed
   */
  <T> T compute(Context ctx, Kind kind, Duration deadline, Callable<T> work) throws Exception {
    Semaphore semaphore = acquire(ctx, kind);
    Future<T> future;
    try {
      future =
          compute.submit(
              () -> {
                try {
                  return work.call();
                } finally {
                  semaphore.release();
                }
              });
    } catch (RuntimeException e) {
      semaphore.release();
      throw e;
    }
    try {
      return future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
      throw new ApiException(
          503,
          "deadline_exceeded",
          null,
          "the request took longer than its deadline of "
              + deadline.toMillis()
              + " ms and was given up; send less at once or try again later");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new ApiException(503, "shutting_down", null, "the server is shutting down");
    }
  }

  private Semaphore acquire(Context ctx, Kind kind) {
    Semaphore semaphore = permits.get(kind);
    if (!semaphore.tryAcquire()) {
      ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
      throw new ApiException(
          503,
          "too_many_requests_in_flight",
          null,
          "the server is answering as many of these requests as it takes at once ("
              + caps.get(kind)
              + ", "
              + kind.limit
              + "); try again after "
              + RETRY_AFTER_SECONDS
              + " s");
    }
    return semaphore;
  }

  /** Stops the computation threads; computations still running are interrupted. */
  @Override
  public void close() {
    compute.shutdownNow();
  }
}
