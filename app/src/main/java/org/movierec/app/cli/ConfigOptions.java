package org.movierec.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.movierec.app.config.ConfigRequest;
import org.movierec.core.config.Keys;
import picocli.CommandLine.Option;

/**
 * The configuration options of commands that train: preset, config file, {@code --set} and the
 * explicit flags, in increasing precedence.
 */
final class ConfigOptions {

  @Option(
      names = "--preset",
      paramLabel = "NAME",
      description = "a built-in recipe applied over the defaults: ${COMPLETION-CANDIDATES}",
      completionCandidates = PresetNames.class)
  String preset;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "a properties file of key = value lines, applied over the preset")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "set one key, over the config file; repeatable (movierec config --keys)")
  List<String> sets = new ArrayList<>();

  @Option(names = "--backend", paramLabel = "NAME", description = "same as --set backend=NAME")
  String backend;

  @Option(names = "--device", paramLabel = "D", description = "auto, cpu, gpu or gpu:N")
  String device;

  @Option(names = "--epochs", paramLabel = "N", description = "same as --set epochs=N")
  String epochs;

  @Option(names = "--batch-size", paramLabel = "N", description = "same as --set batch_size=N")
  String batchSize;

  @Option(
      names = "--learning-rate",
      paramLabel = "R",
      description = "same as --set learning_rate=R")
  String learningRate;

  @Option(names = "--seed", paramLabel = "S", description = "same as --set seed=S")
  String seed;

  /** The layers these options ask for. */
  ConfigRequest request() {
    List<ConfigRequest.Flag> flags = new ArrayList<>();
    addFlag(flags, "--backend", Keys.BACKEND, backend);
    addFlag(flags, "--device", Keys.DEVICE, device);
    addFlag(flags, "--epochs", Keys.EPOCHS, epochs);
    addFlag(flags, "--batch-size", Keys.BATCH_SIZE, batchSize);
    addFlag(flags, "--learning-rate", Keys.LEARNING_RATE, learningRate);
    addFlag(flags, "--seed", Keys.SEED, seed);
    return new ConfigRequest(Optional.ofNullable(preset), Optional.ofNullable(config), sets, flags);
  }

  static void addFlag(
      List<ConfigRequest.Flag> flags,
      String option,
      org.movierec.core.config.ConfigKey<?> key,
      String value) {
    if (value != null) {
      flags.add(new ConfigRequest.Flag(option, key, value));
    }
  }

  /** The preset names, for help and completion. */
  static final class PresetNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return org.movierec.model.Presets.all().stream()
          .map(org.movierec.model.Preset::name)
          .iterator();
    }
  }
}
