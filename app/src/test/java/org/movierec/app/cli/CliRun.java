package org.movierec.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the command line with captured streams.
 *
 * @param code the exit code
 * @param out what was printed on stdout
 * @param err what was printed on stderr
 */
record CliRun(int code, String out, String err) {

  /** Runs {@code movierec} with the arguments, as the program would with them. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(Cli.withDefault(args));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** The non-empty lines of stderr. */
  long errLines() {
    return err.lines().filter(line -> !line.isBlank()).count();
  }
}
