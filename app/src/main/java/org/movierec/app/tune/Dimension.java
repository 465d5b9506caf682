package org.movierec.app.tune;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.random.RandomGenerator;
import org.movierec.core.config.ConfigKey;

/** One configuration key of a search space and the values a trial may give it. */
public sealed interface Dimension permits Dimension.Choice, Dimension.Range {

  /** The key this dimension sets. */
  ConfigKey<?> key();

  /** The dimension as written in a space file, e.g. {@code loguniform(0.0005, 0.01)}. */
  String describe();

  /** Draws one value, as configuration text. */
  String sample(RandomGenerator random);

  /**
   * A list of values, each already checked by the key's parser.
   *
   * @param key the key
   * @param values the values as configuration text, in file order
   */
  record Choice(ConfigKey<?> key, List<String> values) implements Dimension {

    /** Copies the values. */
    public Choice {
      values = List.copyOf(values);
    }

    @Override
    public String describe() {
      return String.join(", ", values);
    }

    @Override
    public String sample(RandomGenerator random) {
      return values.get(random.nextInt(values.size()));
    }
  }

  /**
   * A numeric interval drawn uniformly, or log-uniformly for rates and decays; an integer key draws
   * integers from {@code lo} to {@code hi} inclusive.
   *
   * @param key the key, of an integer or decimal type
   * @param lo the smallest value
   * @param hi the largest value
   * @param logScale draw the logarithm uniformly
   */
  record Range(ConfigKey<?> key, double lo, double hi, boolean logScale) implements Dimension {

    /** Significant digits kept of a drawn decimal, so the written configuration stays readable. */
    static final int DIGITS = 4;

    /** Whether the key takes integers. */
    public boolean integer() {
      return key.type() == Integer.class || key.type() == Long.class;
    }

    @Override
    public String describe() {
      return (logScale ? "loguniform(" : "range(") + key.format(lo) + ", " + key.format(hi) + ")";
    }

    @Override
    public String sample(RandomGenerator random) {
      if (integer()) {
        long low = (long) lo;
        long high = (long) hi;
        long value =
            logScale
                ? Math.round(Math.exp(uniform(random, Math.log(low), Math.log(high))))
                : low + random.nextLong(high - low + 1);
        return Long.toString(Math.max(low, Math.min(high, value)));
      }
      double value =
          logScale
              ? Math.exp(uniform(random, Math.log(lo), Math.log(hi)))
              : uniform(random, lo, hi);
      double rounded = new BigDecimal(value).round(new MathContext(DIGITS)).doubleValue();
      return key.format(Math.max(lo, Math.min(hi, rounded)));
    }

    private static double uniform(RandomGenerator random, double from, double to) {
      return from + (to - from) * random.nextDouble();
    }
  }
}
