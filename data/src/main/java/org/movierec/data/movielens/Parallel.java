package org.movierec.data.movielens;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** Runs a few CPU-bound tasks at once: the first on the calling thread, the rest on new threads. */
final class Parallel {

  private Parallel() {}

  /**
   * Runs {@code task.accept(i)} for {@code i} in {@code 0..count-1} and waits for all of them.
   *
   * @throws RuntimeException the first failure, in task order, after all tasks ended
   */
  static void run(int count, IntConsumer task) {
    Throwable[] failures = new Throwable[count];
    List<Thread> threads = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int index = i;
      Thread thread =
          new Thread(
              () -> {
                try {
                  task.accept(index);
                } catch (Throwable failure) {
                  failures[index] = failure;
                }
              },
              "movierec-parse-" + i);
      thread.setDaemon(true);
      thread.start();
      threads.add(thread);
    }
    try {
      task.accept(0);
    } catch (RuntimeException | Error failure) {
      failures[0] = failure;
    }
    boolean interrupted = false;
    for (Thread thread : threads) {
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    for (Throwable failure : failures) {
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      if (failure != null) {
        throw new IllegalStateException(failure);
      }
    }
  }
}
