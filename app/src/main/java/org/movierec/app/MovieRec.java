package org.movierec.app;

import org.movierec.app.cli.Cli;

/** The {@code movierec} program: runs one command and exits with its code. */
public final class MovieRec {

  private MovieRec() {}

  /** Runs {@code movierec} with the given arguments; none runs the default demonstration. */
  public static void main(String[] args) {
    // DJL 0.21 reads "offline", later versions "ai.djl.offline"; neither may reach the network.
    System.setProperty("offline", "true");
    System.setProperty("ai.djl.offline", "true");
    int code = Cli.commandLine().execute(Cli.withDefault(args));
    if (code != 0) {
      System.exit(code);
    }
  }
}
