package org.movierec.app.serve;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import org.movierec.server.MovieRecServer;

/**
 * Serves until SIGTERM or Ctrl-C (SIGINT): the signal stops the server gracefully (new connections
 * refused, requests in flight given the grace period to finish, the model closed) and the process
 * then exits with 0, the status a service manager expects of a requested stop, instead of the JVM's
 * 143 or 130.
 */
public final class StopOnSignal {

  private StopOnSignal() {}

  /**
   * Blocks the calling thread until a signal has stopped the server; the process ends from the
   * shutdown hook, so this never returns normally.
   *
   * @throws InterruptedException when the calling thread is interrupted while serving
   */
  public static void serve(MovieRecServer server, PrintWriter out) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              out.println("movierec serve: stopping; requests in flight may finish");
              out.flush();
              server.stop();
              out.println("movierec serve: stopped");
              out.flush();
              stopped.countDown();
              // The JVM would exit with 128 + the signal's number; a requested stop is a success.
              Runtime.getRuntime().halt(0);
            },
            "movierec-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
  }
}
