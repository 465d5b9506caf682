package org.movierec.app.cli;

import picocli.CommandLine;

/** Builds the {@code movierec} command line with its error handling and exit codes. */
public final class Cli {

  private Cli() {}

  /**
   * A fresh command line; callers may redirect its streams with {@link CommandLine#setOut} and
   * {@link CommandLine#setErr} before {@link CommandLine#execute}.
   */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new MovieRecCommand());
    commandLine.setExecutionExceptionHandler(new FailureHandler());
    commandLine.setParameterExceptionHandler(new UsageHandler());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    return commandLine;
  }

  /** The arguments to run: the default demonstration when none are given. */
  public static String[] withDefault(String[] args) {
    return args.length == 0 ? new String[] {"demo"} : args;
  }
}
