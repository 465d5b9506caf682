package org.movierec.app.tune;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.movierec.app.config.PropertiesFile;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.ConfigKey;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;

/**
 * The keys a search varies and their values, read from a space file: one {@code key = ...} per
 * line, in the configuration's own key names, where the value is a list {@code a, b, c}, a uniform
 * interval {@code range(lo, hi)} or a log-uniform one {@code loguniform(lo, hi)} (for rates and
 * decays); on an integer key an interval draws integers. Every value and bound is checked by the
 * key's own parser when the file is read, so a bad space fails before any training.
 *
 * @param source the file, for messages
 * @param dimensions the keys in file order
 */
public record SearchSpace(String source, List<Dimension> dimensions) {

  private static final Pattern INTERVAL =
      Pattern.compile("(range|loguniform)\\s*\\(\\s*([^,()]+?)\\s*,\\s*([^,()]+?)\\s*\\)");

  /** Copies the dimensions and rejects an empty space. */
  public SearchSpace {
    dimensions = List.copyOf(dimensions);
    if (dimensions.isEmpty()) {
      throw new ConfigException(
          source + ": the search space has no keys; write one 'key = a, b, c' line or more");
    }
  }

  /**
   * Reads a space file.
   *
   * @throws ConfigException naming the file, the line and the value when the file is missing or a
   *     line is not a valid dimension
   * @throws IOException when the file exists but cannot be read
   */
  public static SearchSpace read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "space file " + file + " does not exist; check the path given to --space");
    }
    return of(file.toString(), PropertiesFile.read(file));
  }

  /** Builds a space from entries already split into lines; {@code source} names them. */
  static SearchSpace of(String source, List<PropertiesFile.Entry> entries) {
    List<Dimension> dimensions = new ArrayList<>();
    for (PropertiesFile.Entry entry : entries) {
      dimensions.add(dimension(source, entry));
    }
    return new SearchSpace(source, dimensions);
  }

  /** Whether every dimension is a list, so that the whole grid can be enumerated. */
  public boolean isGrid() {
    return dimensions.stream().allMatch(Dimension.Choice.class::isInstance);
  }

  /** The number of grid points; {@link Long#MAX_VALUE} when it overflows or is not a grid. */
  public long gridSize() {
    if (!isGrid()) {
      return Long.MAX_VALUE;
    }
    long size = 1;
    for (Dimension dimension : dimensions) {
      try {
        size = Math.multiplyExact(size, ((Dimension.Choice) dimension).values().size());
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }
    return size;
  }

  private static Dimension dimension(String source, PropertiesFile.Entry entry) {
    String where = source + ":" + entry.line() + ": ";
    String written = entry.key() + " = " + entry.value();
    Optional<ConfigKey<?>> found = TrainingConfig.findKey(entry.key().replace('-', '_'));
    if (found.isEmpty()) {
      throw new ConfigException(where + TrainingConfig.unknownKeyMessage(entry.key()));
    }
    ConfigKey<?> key = found.get();
    if (key == Keys.SEED) {
      throw new ConfigException(
          where
              + written
              + ": seed is not searched: every trial uses the run's seed so that all of them see"
              + " the same validation split; run tune again with --seed S to check another");
    }
    Matcher interval = INTERVAL.matcher(entry.value());
    if (interval.matches()) {
      return range(where + written + ": ", key, interval);
    }
    if (entry.value().contains("(")) {
      throw new ConfigException(
          where + written + ": expected a list 'a, b, c', range(lo, hi) or loguniform(lo, hi)");
    }
    List<String> values = new ArrayList<>();
    for (String value : entry.value().split(",", -1)) {
      String text = value.strip();
      if (text.isEmpty()) {
        throw new ConfigException(
            where + written + ": an empty value in the list; separate values by single commas");
      }
      if (values.contains(text)) {
        throw new ConfigException(where + written + ": '" + text + "' is listed twice");
      }
      parse(where + written + ": ", key, text);
      values.add(text);
    }
    return new Dimension.Choice(key, values);
  }

  private static Dimension range(String where, ConfigKey<?> key, Matcher interval) {
    boolean log = interval.group(1).equals("loguniform");
    boolean integer = key.type() == Integer.class || key.type() == Long.class;
    if (!integer && key.type() != Double.class) {
      throw new ConfigException(
          where
              + key.name()
              + " takes "
              + key.allowed()
              + ", not a number; list its values instead, e.g. "
              + key.name()
              + " = "
              + key.format(key.defaultValue()));
    }
    double lo = bound(where, key, interval.group(2), integer);
    double hi = bound(where, key, interval.group(3), integer);
    if (!(lo < hi)) {
      throw new ConfigException(
          where + "the lower bound must be below the upper one, got " + lo + " and " + hi);
    }
    if (log && lo <= 0) {
      throw new ConfigException(
          where + "loguniform needs a lower bound > 0, got " + interval.group(2).strip());
    }
    return new Dimension.Range(key, lo, hi, log);
  }

  private static double bound(String where, ConfigKey<?> key, String text, boolean integer) {
    parse(where, key, text);
    double value = Double.parseDouble(text.strip());
    if (integer && value != Math.rint(value)) {
      throw new ConfigException(where + key.name() + " takes integers, got bound " + text);
    }
    return value;
  }

  private static void parse(String where, ConfigKey<?> key, String text) {
    try {
      key.parse(text);
    } catch (ConfigException e) {
      throw new ConfigException(where + e.getMessage());
    }
  }
}
