package org.movierec.data.split;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.movierec.core.data.RatingDataset;

/**
 * A split method with its parameter, as written on a command line: {@code random:0.2}, {@code
 * user-last:10}, {@code user-last-fraction:0.2}, {@code user-random:10}, {@code time:2015-01-01}
 * (or epoch seconds), {@code time-fraction:0.2}, {@code kfold:5}.
 */
public sealed interface SplitSpec {

  /** The forms {@link #parse} accepts, for help texts and error messages. */
  String FORMS =
      "random:FRACTION, user-last:N, user-last-fraction:FRACTION, user-random:N,"
          + " time:YYYY-MM-DD|EPOCH_SECONDS, time-fraction:FRACTION, kfold:K";

  /** The splits of {@code data}: one, or one per fold for k-fold. */
  List<Split> apply(RatingDataset data, long seed);

  /**
   * The split method a text names.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  static SplitSpec parse(String text) {
    String trimmed = text.trim();
    int colon = trimmed.indexOf(':');
    if (colon < 0) {
      throw bad(text, "missing ':PARAMETER'");
    }
    String method = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
    String parameter = trimmed.substring(colon + 1).trim();
    try {
      return switch (method) {
        case "random" -> new RandomHoldout(Double.parseDouble(parameter));
        case "user-last" -> new UserLast(Integer.parseInt(parameter));
        case "user-last-fraction" -> new UserLastFraction(Double.parseDouble(parameter));
        case "user-random" -> new UserRandom(Integer.parseInt(parameter));
        case "time" -> new TimeCutoff(epochSeconds(parameter));
        case "time-fraction" -> new TimeFraction(Double.parseDouble(parameter));
        case "kfold" -> new KFold(Integer.parseInt(parameter));
        default -> throw bad(text, "unknown method '" + method + "'");
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw bad(text, "'" + parameter + "' is not a valid parameter for " + method);
    }
  }

  private static long epochSeconds(String parameter) {
    if (parameter.chars().allMatch(Character::isDigit) && !parameter.isEmpty()) {
      return Long.parseLong(parameter);
    }
    return LocalDate.parse(parameter).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }

  private static IllegalArgumentException bad(String text, String why) {
    return new IllegalArgumentException(
        "bad split '" + text + "': " + why + "; accepted forms: " + FORMS);
  }

  /** {@link Splits#randomHoldout}. */
  record RandomHoldout(double testFraction) implements SplitSpec {
    /** Checks the fraction. */
    public RandomHoldout {
      Splits.checkFraction("testFraction", testFraction);
    }

    @Override
    public List<Split> apply(RatingDataset data, long seed) {
      return List.of(Splits.randomHoldout(data, testFraction, seed));
    }
  }

  /** {@link Splits#perUserLast}. */
  record UserLast(int count) implements SplitSpec {
    /** Checks the count. */
    public UserLast {
      Splits.checkPositive("count", count);
    }

    @Override
    public List<Split> apply(RatingDataset data, long seed) {
      return List.of(Splits.perUserLast(data, count));
    }
  }

  /** {@link Splits#perUserLastFraction}. */
  record UserLastFraction(double fraction) implements SplitSpec {
    /** Checks the fraction. */
    public UserLastFraction {
      Splits.checkFraction("fraction", fraction);
    }

    @Override
    public List<Split> apply(RatingDataset data, long seed) {
      return List.of(Splits.perUserLastFraction(data, fraction));
    }
  }

  /** {@link Splits#perUserRandom}. */
  record UserRandom(int count) implements SplitSpec {
    /** Checks the count. */
    public UserRandom {
      Splits.checkPositive("count", count);
    }

    @Override
    public List<Split> apply(RatingDataset data, long seed) {
      return List.of(Splits.perUserRandom(data, count, seed));
    }
  }

  /** {@link Splits#timeCutoff}. */
  record TimeCutoff(long epochSeconds) implements SplitSpec {
    @Override
    public List<Split> apply(RatingDataset data, long seed) {
      return List.of(Splits.timeCutoff(data, epochSeconds));
    }
  }

  /** {@link Splits#timeFraction}. */
  record TimeFraction(double testFraction) implements SplitSpec {
    /** Checks the fraction. */
    public TimeFraction {
      Splits.checkFraction("testFraction", testFraction);
    }

    @Override
    public List<Split> apply(RatingDataset data, long seed) {
      return List.of(Splits.timeFraction(data, testFraction));
    }
  }

  /** {@link Splits#kFold}. */
  record KFold(int folds) implements SplitSpec {
    /** Checks the number of folds. */
    public KFold {
      Splits.checkFolds(folds);
    }

    @Override
    public List<Split> apply(RatingDataset data, long seed) {
      return Splits.kFold(data, folds, seed);
    }
  }
}
