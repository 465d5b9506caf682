package org.movierec.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Reports a command-line usage error in one line with a pointer to help; exit code 2. */
final class UsageHandler implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException exception, String[] args) {
    CommandLine command = exception.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    StringBuilder line = new StringBuilder(name).append(": ").append(exception.getMessage());
    if (exception instanceof UnmatchedArgumentException unmatched
        && !unmatched.getSuggestions().isEmpty()) {
      line.append("; did you mean ")
          .append(String.join(" or ", unmatched.getSuggestions()))
          .append('?');
    }
    line.append(" (see '").append(name).append(" --help')");
    PrintWriter err = command.getErr();
    err.println(line.toString().replaceAll("\\s*[\\r\\n]+\\s*", " "));
    err.flush();
    return FailureHandler.USAGE;
  }
}
