package org.movierec.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --rating-model} option shared by {@code serve}, {@code recommend} and {@code predict}:
 * a second model file that predicts every rating while {@code --model}'s model orders the lists.
 */
final class RatingModelOption {

  @Option(
      names = "--rating-model",
      paramLabel = "FILE",
      description =
          "a second model file that predicts every rating (predict and each list entry's"
              + " predicted rating) while --model's orders the lists, e.g. --model rank.mrec"
              + " --rating-model tuned.mrec; both must be trained on the same ratings")
  Path file;

  /** The rating model file, when one was given. */
  Optional<Path> file() {
    return Optional.ofNullable(file);
  }
}
