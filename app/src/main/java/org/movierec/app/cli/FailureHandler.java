package org.movierec.app.cli;

import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.ProvisionException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.movierec.core.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one line on stderr and an exit code: 2 for configuration errors (bad
 * usage), 1 for everything else. The stack trace follows only with {@code --verbose}.
 */
final class FailureHandler implements IExecutionExceptionHandler {

  /** The exit code of a run that failed for a reason other than its usage. */
  static final int FAILURE = 1;

  /** The exit code of bad usage, including bad configuration. */
  static final int USAGE = 2;

  @Override
  public int handleExecutionException(
      Exception exception, CommandLine command, ParseResult parseResult) {
    Throwable cause = unwrap(exception);
    PrintWriter err = command.getErr();
    err.println(command.getCommandSpec().qualifiedName() + ": " + reason(cause));
    if (verbose(parseResult)) {
      printTrace(err, cause);
    }
    err.flush();
    return cause instanceof ConfigException ? USAGE : FAILURE;
  }

  /** The cause behind Guice's and I/O wrappers. */
  static Throwable unwrap(Throwable thrown) {
    Throwable current = thrown;
    while ((current instanceof ProvisionException
            || current instanceof CreationException
            || current instanceof ConfigurationException
            || current instanceof UncheckedIOException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** One line saying what went wrong. */
  static String reason(Throwable cause) {
    String reason;
    if (cause instanceof NoSuchFileException missing) {
      reason =
          "no such file: "
              + missing.getFile()
              + (missing.getReason() == null ? "" : " (" + missing.getReason() + ")");
    } else if (cause instanceof AccessDeniedException denied) {
      reason = "permission denied: " + denied.getFile();
    } else if (cause.getMessage() == null || cause.getMessage().isBlank()) {
      reason = cause.getClass().getSimpleName();
    } else if (cause instanceof IOException) {
      reason = "I/O error: " + cause.getMessage();
    } else {
      reason = cause.getMessage();
    }
    return reason.replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  private static boolean verbose(ParseResult parseResult) {
    for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
      if (result.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static void printTrace(PrintWriter err, Throwable cause) {
    for (Throwable current = cause; current != null; current = current.getCause()) {
      err.println((current == cause ? "" : "Caused by: ") + current);
      for (StackTraceElement element : current.getStackTrace()) {
        err.println("\tat " + element);
      }
      if (current.getCause() == current) {
        break;
      }
    }
  }
}
