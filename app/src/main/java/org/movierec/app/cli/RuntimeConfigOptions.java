package org.movierec.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.movierec.app.config.ConfigRequest;
import org.movierec.core.config.Keys;
import picocli.CommandLine.Option;

/**
 * The configuration options of commands that load a model: the same file and {@code --set} layers;
 * of the keys only {@code device}, {@code threads}, {@code cold_start} and {@code
 * recommend_threads} matter there.
 */
final class RuntimeConfigOptions {

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "a properties file; device, threads, cold_start and recommend_threads apply to a"
              + " loaded model")
  Path config;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "set one key, e.g. --set cold_start=error; repeatable")
  List<String> sets = new ArrayList<>();

  @Option(names = "--device", paramLabel = "D", description = "auto, cpu, gpu or gpu:N")
  String device;

  /** The layers these options ask for. */
  ConfigRequest request() {
    List<ConfigRequest.Flag> flags = new ArrayList<>();
    ConfigOptions.addFlag(flags, "--device", Keys.DEVICE, device);
    return new ConfigRequest(Optional.empty(), Optional.ofNullable(config), sets, flags);
  }
}
