package org.movierec.app.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.movierec.core.config.ConfigKey;

/**
 * The configuration of a command with keys of its own: the effective training configuration and,
 * apart from it, the parsed values of the command's keys that were set.
 *
 * @param effective the training configuration with the origin of every value
 * @param commandValues the command's keys that were set, with their parsed values
 */
public record CommandConfig(EffectiveConfig effective, Map<ConfigKey<?>, Object> commandValues) {

  /** Copies the values and rejects missing parts. */
  public CommandConfig {
    Objects.requireNonNull(effective, "effective");
    commandValues = Collections.unmodifiableMap(new LinkedHashMap<>(commandValues));
  }
}
