package org.movierec.app.training;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.movierec.core.training.TrainingControl;

/**
 * While open, turns the JVM's shutdown on Ctrl-C (SIGINT) or SIGTERM into a stop request for the
 * training run of {@link #control()}, and holds the shutdown until the run has stopped after its
 * current batch and the command has closed the guard, so that no save is cut short. The JVM then
 * exits with the signal's status, 130 for SIGINT.
 */
public final class InterruptGuard implements AutoCloseable {

  /** The exit code of a run stopped by Ctrl-C: 128 plus SIGINT's number, as shells report it. */
  public static final int EXIT_CODE = 130;

  /** How long the shutdown waits for the run; a batch takes milliseconds, a save seconds. */
  private static final long WAIT_SECONDS = 120;

  private final TrainingControl control = new TrainingControl();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread hook = new Thread(this::stopAndWait, "movierec-interrupt");

  private InterruptGuard() {}

  /** Installs a guard; close it when the run and its reporting are over. */
  public static InterruptGuard install() {
    InterruptGuard guard = new InterruptGuard();
    Runtime.getRuntime().addShutdownHook(guard.hook);
    return guard;
  }

  /** The control that the guarded run's trainer listens to. */
  public TrainingControl control() {
    return control;
  }

  /** Lets a pending shutdown go on, or removes the hook when none came. */
  @Override
  public void close() {
    closed.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running; the count-down above lets it return and the JVM exit.
    }
  }

  private void stopAndWait() {
    control.requestStop();
    try {
      closed.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
