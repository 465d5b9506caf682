package org.movierec.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that size a list of movies, shared by {@code recommend} and {@code similar}: how many
 * movies, and the popularity floor below which a movie is not listed.
 */
final class ListSizeOptions {

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "how many movies (default ${DEFAULT-VALUE})")
  int top;

  @Option(
      names = "--min-ratings",
      paramLabel = "K",
      description =
          "list only movies with at least K training ratings (default 0); a rarely rated movie's"
              + " score and embedding are noisy")
  int minRatings;

  /** Refuses a {@code --top} below 1 or a negative {@code --min-ratings} as a usage error. */
  void check(CommandLine commandLine) {
    if (top < 1) {
      throw new ParameterException(commandLine, "--top must be at least 1, got " + top);
    }
    if (minRatings < 0) {
      throw new ParameterException(
          commandLine, "--min-ratings must be at least 0, got " + minRatings);
    }
  }
}
