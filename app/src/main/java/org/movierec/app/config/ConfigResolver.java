package org.movierec.app.config;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.ConfigKey;
import org.movierec.core.config.KeySuggestions;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.model.Preset;
import org.movierec.model.Presets;

/**
 * Merges configuration layers in the order built-in defaults &lt; preset &lt; config file &lt;
 * {@code --set} &lt; flags, and reports every unknown key and bad value at once with where it was
 * written.
 */
public final class ConfigResolver {

  private ConfigResolver() {}

  /**
   * The effective configuration of a request.
   *
   * @throws ConfigException listing every problem, each with the file and line, {@code --set} entry
   *     or flag that caused it
   * @throws IOException when the config file exists but cannot be read
   */
  public static EffectiveConfig resolve(ConfigRequest request) throws IOException {
    return resolve(request, List.of()).effective();
  }

  /**
   * The effective configuration of a command that also takes keys of its own, such as {@code
   * movierec serve} with the server's keys: those are accepted in every layer, checked, and come
   * back apart from the training configuration, so that they never reach a model file.
   *
   * @throws ConfigException listing every problem with where it was written
   * @throws IOException when the config file exists but cannot be read
   */
  public static CommandConfig resolve(ConfigRequest request, List<ConfigKey<?>> commandKeys)
      throws IOException {
    return resolve(request, commandKeys, System::getenv);
  }

  /**
   * The effective configuration of a command with keys of its own, reading secrets from this
   * environment. A secret key, such as the server's {@code admin_token}, is taken from the config
   * file, from the file that {@code <key>_file} names in any layer, or from the environment
   * variable {@code MOVIEREC_<KEY>}; {@code --set} and flags refuse it, since {@code ps} and the
   * shell history show a command line, and no message repeats its value.
   *
   * @param environment the value of an environment variable by name, or null when unset
   * @throws ConfigException listing every problem with where it was written
   * @throws IOException when the config file exists but cannot be read
   */
  public static CommandConfig resolve(
      ConfigRequest request, List<ConfigKey<?>> commandKeys, Function<String, String> environment)
      throws IOException {
    Layering layering = new Layering(commandKeys);
    if (request.preset().isPresent()) {
      Preset preset = findPreset(request.preset().get());
      for (ConfigKey<?> key : Keys.ALL) {
        String value = preset.settings().get(key.name());
        if (value != null) {
          layering.apply(key.name(), value, "preset " + preset.name());
        }
      }
    }
    if (request.file().isPresent()) {
      for (PropertiesFile.Entry entry : PropertiesFile.read(request.file().get())) {
        layering.apply(entry.key(), entry.value(), request.file().get() + ":" + entry.line());
      }
    }
    for (ConfigKey<?> key : layering.commandKeys) {
      String variable = Secrets.variableOf(key);
      String value = key.secret() ? environment.apply(variable) : null;
      if (value != null && !value.isEmpty()) {
        layering.apply(key.name(), value, "environment variable " + variable);
      }
    }
    for (String set : request.sets()) {
      int separator = set.indexOf('=');
      if (separator <= 0) {
        layering.problems.add(
            "--set '" + set + "': expected key=value, for example --set epochs=10");
      } else {
        layering.applyFromCommandLine(
            set.substring(0, separator), set.substring(separator + 1), "--set");
      }
    }
    for (ConfigRequest.Flag flag : request.flags()) {
      layering.applyFromCommandLine(flag.key().name(), flag.value(), flag.option());
    }
    if (!layering.problems.isEmpty()) {
      throw new ConfigException(String.join("; ", layering.problems));
    }
    try {
      return new CommandConfig(
          new EffectiveConfig(layering.builder.build(), layering.origins), layering.commandValues);
    } catch (ConfigException e) {
      throw new ConfigException(whereWritten(e.getMessage(), layering.origins));
    }
  }

  /**
   * Prefixes a problem between keys, such as early stopping without validation, with where the
   * first key it names was written, so that it points at a file and line like every other problem.
   */
  private static String whereWritten(String problem, Map<String, String> origins) {
    String origin = null;
    int first = Integer.MAX_VALUE;
    for (Map.Entry<String, String> entry : origins.entrySet()) {
      int at = problem.indexOf(entry.getKey());
      if (at >= 0 && at < first) {
        first = at;
        origin = entry.getValue();
      }
    }
    return origin == null ? problem : origin + ": " + problem;
  }

  /**
   * The built-in preset with this name.
   *
   * @throws ConfigException naming the available presets and the nearest name
   */
  public static Preset findPreset(String name) {
    Optional<Preset> preset = Presets.find(name);
    if (preset.isPresent()) {
      return preset.get();
    }
    List<String> names = Presets.all().stream().map(Preset::name).toList();
    String nearest = KeySuggestions.nearest(name, names.stream());
    throw new ConfigException(
        "unknown preset '"
            + name
            + "'"
            + (nearest == null ? "" : "; did you mean '" + nearest + "'?")
            + " (available: "
            + String.join(", ", names)
            + ")");
  }

  /** The builder being filled, the origin of each key and the problems found so far. */
  private static final class Layering {
    private final TrainingConfig.Builder builder = TrainingConfig.builder();
    private final Map<String, String> origins = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<ConfigKey<?>> commandKeys;
    private final Map<ConfigKey<?>, Object> commandValues = new LinkedHashMap<>();

    Layering(List<ConfigKey<?>> commandKeys) {
      this.commandKeys = List.copyOf(commandKeys);
    }

    /** Applies a value typed on the command line, where a secret itself is refused. */
    void applyFromCommandLine(String rawName, String value, String where) {
      Optional<ConfigKey<?>> secret = secretNamed(rawName.strip().replace('-', '_'));
      if (secret.isPresent()) {
        problems.add(where + " " + secret.get().name() + ": " + Secrets.refusal(secret.get()));
        return;
      }
      apply(rawName, value, where);
    }

    void apply(String rawName, String value, String where) {
      String name = rawName.strip().replace('-', '_');
      Optional<ConfigKey<?>> fileOf = secretOfFileKey(name);
      if (fileOf.isPresent()) {
        try {
          String secret = Secrets.readFile(name, value);
          apply(fileOf.get().name(), secret, "file " + value.strip() + " (" + name + ")");
        } catch (ConfigException e) {
          problems.add(where + ": " + e.getMessage());
        }
        return;
      }
      Optional<ConfigKey<?>> commandKey =
          commandKeys.stream().filter(key -> key.name().equals(name)).findFirst();
      Optional<ConfigKey<?>> key = TrainingConfig.findKey(name);
      if (key.isEmpty() && commandKey.isEmpty()) {
        problems.add(where + ": " + TrainingConfig.unknownKeyMessage(rawName.strip(), commandKeys));
        return;
      }
      try {
        if (commandKey.isPresent()) {
          commandValues.put(commandKey.get(), commandKey.get().parse(value));
        } else {
          set(key.get(), value);
        }
        origins.put(name, where);
      } catch (ConfigException e) {
        problems.add(where + ": " + e.getMessage());
      }
    }

    private Optional<ConfigKey<?>> secretNamed(String name) {
      return commandKeys.stream().filter(k -> k.secret() && k.name().equals(name)).findFirst();
    }

    private Optional<ConfigKey<?>> secretOfFileKey(String name) {
      return commandKeys.stream()
          .filter(k -> k.secret() && name.equals(Secrets.fileKeyOf(k)))
          .findFirst();
    }

    private <T> void set(ConfigKey<T> key, String value) {
      builder.set(key, key.parse(value));
    }
  }
}
