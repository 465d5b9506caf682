package org.movierec.app.output;

import java.io.PrintWriter;
import java.util.Objects;

/**
 * The streams a command writes to: results on {@code out}, progress and messages on {@code err}.
 *
 * @param out the result stream, holding only the JSON object under {@code --json}
 * @param err the stream for progress, logs and errors
 * @param interactive whether {@code err} is a terminal, so progress may redraw one line
 */
public record Console(PrintWriter out, PrintWriter err, boolean interactive) {

  /** Rejects missing streams. */
  public Console {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
  }
}
