package org.movierec.app.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.movierec.app.data.Splitter;
import org.movierec.app.data.TrainTest;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.eval.Fold;

/**
 * The data a search scores trials on, every part carved out of training ratings only: each fold
 * trains on its "train" side and is scored on its "test" side, which is validation data. The splits
 * are the ones {@code movierec train --split random:F} and {@code movierec cv --folds K} make with
 * the same seed, so that a trial's score can be reproduced with those commands.
 *
 * @param folds the parts, each a fold whose test side is validation data
 * @param protocol one sentence saying how the validation data was carved, for output
 * @param checkCommands the commands that reproduce the score, with {@code CONFIG} standing for the
 *     written configuration file
 */
public record ValidationParts(List<Fold> folds, String protocol, List<String> checkCommands) {

  /**
   * Training ratings to carve validation data from.
   *
   * @param argument how the command line names them, e.g. {@code ml-100k/u1.base}
   * @param number the part's number, e.g. the predefined fold it is the training file of
   * @param ratings the ratings
   */
  public record Source(String argument, int number, RatingDataset ratings) {

    /** Rejects missing parts. */
    public Source {
      Objects.requireNonNull(argument, "argument");
      Objects.requireNonNull(ratings, "ratings");
    }
  }

  /** Copies the parts and commands. */
  public ValidationParts {
    folds = List.copyOf(folds);
    Objects.requireNonNull(protocol, "protocol");
    checkCommands = List.copyOf(checkCommands);
  }

  /**
   * Holds out a random {@code fraction} of each source, with the split {@code train --split
   * random:F} makes for the same seed.
   */
  public static ValidationParts holdOut(
      List<Source> sources, double fraction, long seed, Splitter splitter) {
    String spec = "random:" + fraction;
    List<Fold> folds = new ArrayList<>();
    List<String> commands = new ArrayList<>();
    for (Source source : sources) {
      TrainTest split = splitter.split(source.ratings(), spec, seed);
      folds.add(new Fold(source.number(), split.train(), split.test()));
      commands.add(
          "movierec train --data "
              + source.argument()
              + " --split "
              + spec
              + " --config CONFIG --model check.mrec");
    }
    String names = String.join(", ", sources.stream().map(Source::argument).toList());
    return new ValidationParts(
        folds,
        String.format(
            Locale.ROOT,
            "a random %s%% of %s held out for validation (seed %d); each trial trains on the rest",
            percent(fraction),
            names,
            seed),
        commands);
  }

  /**
   * Deals one source into {@code k} folds, as {@code cv --folds K} does for the same seed: each
   * trial trains {@code k} times and is scored by the mean RMSE on the held-out folds.
   */
  public static ValidationParts kFold(Source source, int k, long seed, Splitter splitter) {
    return new ValidationParts(
        splitter.kFold(source.ratings(), k, seed),
        String.format(
            Locale.ROOT,
            "%s dealt into %d random folds (seed %d); each trial trains %d times, each time"
                + " validated on the fold left out",
            source.argument(),
            k,
            seed,
            k),
        List.of("movierec cv --data " + source.argument() + " --folds " + k + " --config CONFIG"));
  }

  private static String percent(double fraction) {
    double value = fraction * 100;
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
