package org.movierec.app.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.movierec.core.config.ConfigKey;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;

/**
 * The merged configuration of a run together with where each value came from, e.g. {@code default},
 * {@code preset demo}, {@code run.properties:3}, {@code --set} or {@code --epochs}.
 *
 * @param config the validated configuration
 * @param origins the origin of every key's value, by key name
 */
public record EffectiveConfig(TrainingConfig config, Map<String, String> origins) {

  /** Copies the origins and rejects missing parts. */
  public EffectiveConfig {
    Objects.requireNonNull(config, "config");
    origins = Map.copyOf(origins);
  }

  /** Where the value of a key came from. */
  public String originOf(ConfigKey<?> key) {
    return origins.getOrDefault(key.name(), "default");
  }

  /**
   * The configuration as a properties file whose comments say where each value came from, in
   * documentation order.
   */
  public List<String> describe() {
    Map<String, String> text = config.toTextMap();
    int width = 0;
    for (Map.Entry<String, String> entry : text.entrySet()) {
      width = Math.max(width, entry.getKey().length() + entry.getValue().length() + 3);
    }
    List<String> lines = new ArrayList<>();
    for (ConfigKey<?> key : Keys.ALL) {
      String assignment = key.name() + " = " + text.get(key.name());
      lines.add(String.format("%-" + width + "s  # %s", assignment, originOf(key)));
    }
    return lines;
  }

  /** The keys whose value did not come from the built-in defaults, with their origins. */
  public Map<String, String> changedOrigins() {
    Map<String, String> changed = new LinkedHashMap<>();
    for (ConfigKey<?> key : Keys.ALL) {
      if (origins.containsKey(key.name())) {
        changed.put(key.name(), origins.get(key.name()));
      }
    }
    return changed;
  }
}
