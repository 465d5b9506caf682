package org.movierec.core.config;

import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key, declared once with its type, default and one line of description. The
 * parser turns the text form into a value and throws {@link IllegalArgumentException} with the
 * allowed values when it cannot.
 *
 * @param <T> the value type
 */
public final class ConfigKey<T> {

  private final String name;
  private final Class<T> type;
  private final T defaultValue;
  private final String allowed;
  private final String description;
  private final Function<String, T> parser;
  private final boolean secret;

  private ConfigKey(
      String name,
      Class<T> type,
      T defaultValue,
      String allowed,
      String description,
      Function<String, T> parser) {
    this(name, type, defaultValue, allowed, description, parser, false);
  }

  private ConfigKey(
      String name,
      Class<T> type,
      T defaultValue,
      String allowed,
      String description,
      Function<String, T> parser,
      boolean secret) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
    this.allowed = Objects.requireNonNull(allowed, "allowed");
    this.description = Objects.requireNonNull(description, "description");
    this.parser = Objects.requireNonNull(parser, "parser");
    this.secret = secret;
  }

  /** An integer key accepting values in {@code [min, max]}. */
  public static ConfigKey<Integer> integer(
      String name, int defaultValue, int min, int max, String description) {
    String allowed =
        max == Integer.MAX_VALUE ? "an integer >= " + min : "an integer in " + min + ".." + max;
    return new ConfigKey<>(
        name,
        Integer.class,
        defaultValue,
        allowed,
        description,
        text -> {
          int value;
          try {
            value = Integer.parseInt(text.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer");
          }
          if (value < min || value > max) {
            throw new IllegalArgumentException("out of range");
          }
          return value;
        });
  }

  /** A long key accepting any value, such as a random seed. */
  public static ConfigKey<Long> longValue(String name, long defaultValue, String description) {
    return new ConfigKey<>(
        name,
        Long.class,
        defaultValue,
        "an integer",
        description,
        text -> {
          try {
            return Long.parseLong(text.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer");
          }
        });
  }

  /**
   * A decimal key accepting finite values in a range.
   *
   * @param minInclusive whether {@code min} itself is allowed
   */
  public static ConfigKey<Double> decimal(
      String name,
      double defaultValue,
      double min,
      boolean minInclusive,
      double max,
      String description) {
    String allowed =
        "a number "
            + (minInclusive ? ">= " : "> ")
            + format(min)
            + (max == Double.MAX_VALUE ? "" : " and < " + format(max));
    return new ConfigKey<>(
        name,
        Double.class,
        defaultValue,
        allowed,
        description,
        text -> {
          double value;
          try {
            value = Double.parseDouble(text.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
          }
          boolean aboveMin = minInclusive ? value >= min : value > min;
          if (!Double.isFinite(value) || !aboveMin || !(value < max || max == Double.MAX_VALUE)) {
            throw new IllegalArgumentException("out of range");
          }
          return value;
        });
  }

  /** A key whose value is one of a fixed set of lower-case words. */
  public static <E extends Enum<E>> ConfigKey<E> choice(
      String name, Class<E> type, E defaultValue, String description) {
    StringBuilder words = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      words.append(words.length() == 0 ? "" : ", ").append(wordOf(constant));
    }
    return new ConfigKey<>(
        name,
        type,
        defaultValue,
        "one of " + words,
        description,
        text -> {
          for (E constant : type.getEnumConstants()) {
            if (wordOf(constant).equals(text.trim().toLowerCase(java.util.Locale.ROOT))) {
              return constant;
            }
          }
          throw new IllegalArgumentException("unknown value");
        });
  }

  /** A free-text key checked by a pattern description and a predicate. */
  public static ConfigKey<String> text(
      String name,
      String defaultValue,
      String allowed,
      java.util.function.Predicate<String> check,
      String description) {
    return new ConfigKey<>(
        name,
        String.class,
        defaultValue,
        allowed,
        description,
        text -> {
          String value = text.trim();
          if (!check.test(value)) {
            throw new IllegalArgumentException("not allowed");
          }
          return value;
        });
  }

  /**
   * A secret text key such as a token or a password, empty by default: no message ever shows its
   * value, and the command line refuses it (see {@link #secret()}).
   */
  public static ConfigKey<String> secret(
      String name, String allowed, java.util.function.Predicate<String> check, String description) {
    ConfigKey<String> plain = text(name, "", allowed, check, description);
    return new ConfigKey<>(name, String.class, "", allowed, description, plain.parser, true);
  }

  /** The lower-case word that stands for an enum constant in configuration files. */
  public static String wordOf(Enum<?> constant) {
    return constant.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The key's name as written in configuration files, e.g. {@code batch_size}. */
  public String name() {
    return name;
  }

  /**
   * Tells whether the value is a secret: messages show {@link #display} instead of it, and it is
   * read only from a file or the environment, never from the command line, where {@code ps} and the
   * shell history would show it.
   */
  public boolean secret() {
    return secret;
  }

  /** The value as a message may show it: its text form, or for a secret only whether it is set. */
  public String display(Object value) {
    if (!secret) {
      return format(value);
    }
    return String.valueOf(value).isEmpty() ? "(empty)" : "(secret, not shown)";
  }

  /** The value type. */
  public Class<T> type() {
    return type;
  }

  /** The built-in default. */
  public T defaultValue() {
    return defaultValue;
  }

  /** What values are allowed, for messages and documentation. */
  public String allowed() {
    return allowed;
  }

  /** One line saying what the key controls. */
  public String description() {
    return description;
  }

  /**
   * Parses a value from its text form.
   *
   * @throws ConfigException naming the key, the value and what is allowed
   */
  public T parse(String text) {
    try {
      return parser.apply(Objects.requireNonNull(text, "text"));
    } catch (IllegalArgumentException e) {
      String shown =
          secret
              ? "the value given (" + text.length() + " characters, not shown: it is a secret)"
              : "'" + text + "'";
      throw new ConfigException(
          "bad value for " + name + ": " + shown + " is not allowed; expected " + allowed);
    }
  }

  /** The text form of a value, as it would be written in a configuration file. */
  public String format(Object value) {
    if (value instanceof Enum<?> constant) {
      return wordOf(constant);
    }
    if (value instanceof Double number) {
      return format(number.doubleValue());
    }
    return String.valueOf(value);
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  @Override
  public String toString() {
    return name;
  }
}
