package org.movierec.model;

import java.util.Map;
import java.util.Objects;

/**
 * A named training recipe: configuration values applied over the built-in defaults and under a
 * config file, e.g. {@code --preset seed}.
 *
 * @param name the name used on the command line
 * @param description one line saying what the recipe is for
 * @param settings configuration keys and their text values
 */
public record Preset(String name, String description, Map<String, String> settings) {

  /** Copies the settings and rejects missing parts. */
  public Preset {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    settings = Map.copyOf(settings);
  }
}
