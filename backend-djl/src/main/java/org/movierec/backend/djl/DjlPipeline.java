package org.movierec.backend.djl;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A second thread for the JVM side of training (filling the next batch, updating and gathering
 * embedding rows) while the calling thread drives the engine. Tasks run one at a time in the order
 * they were submitted, so a task may rely on every earlier one having finished; {@link
 * Pending#join} makes a task's writes visible to the caller. {@link #inline()} runs each task at
 * once on the caller's thread instead: the same results, bit for bit, on one thread.
 */
final class DjlPipeline implements AutoCloseable {

  /** A submitted task. */
  interface Pending {
    /**
     * Waits for the task to finish.
     *
     * @throws RuntimeException or {@link Error} as the task threw it
     */
    void join();
  }

  private static final Pending DONE = () -> {};

  private final ExecutorService executor;

  private DjlPipeline(ExecutorService executor) {
    this.executor = executor;
  }

  /** Runs every task on the caller's thread when submitted. */
  static DjlPipeline inline() {
    return new DjlPipeline(null);
  }

  /** Runs tasks on one daemon thread of this name. */
  static DjlPipeline background(String name) {
    return new DjlPipeline(
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, name);
              thread.setDaemon(true);
              return thread;
            }));
  }

  /** Tells whether tasks run on a second thread. */
  boolean concurrent() {
    return executor != null;
  }

  /** Runs a task after every earlier one, now or on the second thread. */
  Pending submit(Runnable task) {
    if (executor == null) {
      task.run();
      return DONE;
    }
    Future<?> future = executor.submit(task);
    return () -> join(future);
  }

  private static void join(Future<?> future) {
    try {
      future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the training helper", e);
    }
  }

  /** Stops the second thread after its current task. */
  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
