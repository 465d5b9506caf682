package org.movierec.app.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.movierec.core.config.ConfigKey;

/**
 * The configuration layers a user asked for, before they are merged: in increasing precedence a
 * preset, a config file, {@code --set key=value} entries and explicit flags.
 *
 * @param preset the preset name, if any
 * @param file the config file, if any
 * @param sets the {@code key=value} texts of {@code --set}, in command-line order
 * @param flags explicit flags such as {@code --epochs 10}, in command-line order
 */
public record ConfigRequest(
    Optional<String> preset, Optional<Path> file, List<String> sets, List<Flag> flags) {

  /** Copies the lists and rejects missing parts. */
  public ConfigRequest {
    Objects.requireNonNull(preset, "preset");
    Objects.requireNonNull(file, "file");
    sets = List.copyOf(sets);
    flags = List.copyOf(flags);
  }

  /** A request for the built-in defaults only. */
  public static ConfigRequest defaults() {
    return new ConfigRequest(Optional.empty(), Optional.empty(), List.of(), List.of());
  }

  /**
   * One explicit flag that sets a key.
   *
   * @param option the option as typed, e.g. {@code --epochs}
   * @param key the key it sets
   * @param value the value text
   */
  public record Flag(String option, ConfigKey<?> key, String value) {

    /** Rejects missing parts. */
    public Flag {
      Objects.requireNonNull(option, "option");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }
}
