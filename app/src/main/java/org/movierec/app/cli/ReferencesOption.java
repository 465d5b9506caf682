package org.movierec.app.cli;

import org.movierec.app.evaluation.ReferenceChoice;
import picocli.CommandLine.Option;

/** The {@code --references} option of the commands that print a ranking table. */
final class ReferencesOption {

  @Option(
      names = "--references",
      paramLabel = "WHICH",
      description =
          "reference rankers beside the model: none, popularity (most and best rated) or all"
              + " (popularity, item-kNN and EASE trained on the same ratings; EASE only where its"
              + " dense matrices fit the heap); default all")
  ReferenceChoice choice = ReferenceChoice.ALL;
}
