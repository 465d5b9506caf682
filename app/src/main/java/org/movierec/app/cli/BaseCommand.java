package org.movierec.app.cli;

import com.google.inject.Injector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.movierec.app.config.ConfigRequest;
import org.movierec.app.config.ConfigResolver;
import org.movierec.app.config.EffectiveConfig;
import org.movierec.app.data.DatasetSource;
import org.movierec.app.output.Console;
import org.movierec.core.data.RatingDataset;
import org.movierec.data.ReadOptions;
import org.movierec.data.ReadResult;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: its console, configuration resolution and the injector. */
abstract class BaseCommand implements Callable<Integer> {

  /** The value of {@code --data} that names the embedded sample dataset. */
  static final String SAMPLE = "sample";

  @Spec CommandSpec spec;

  /** The console of this run: picocli's streams, interactive when a terminal is attached. */
  Console console() {
    return new Console(
        spec.commandLine().getOut(), spec.commandLine().getErr(), System.console() != null);
  }

  /** Resolves the configuration and builds the injector for this run. */
  Injector injector(ConfigRequest request) throws IOException {
    EffectiveConfig config = ConfigResolver.resolve(request);
    return Wiring.injector(console(), config, readOptions());
  }

  /** How this command reads datasets; commands with {@link DataOptions} take them from there. */
  ReadOptions readOptions() {
    return ReadOptions.defaults();
  }

  /** The ratings at a {@code --data} value, or the embedded sample for {@code sample}. */
  static RatingDataset ratings(DatasetSource source, Path path) throws IOException {
    return readResult(source, path).dataset();
  }

  /** The ratings and read report at a {@code --data} value, or of the embedded sample. */
  static ReadResult readResult(DatasetSource source, Path path) throws IOException {
    return path == null || path.toString().equals(SAMPLE)
        ? source.sampleResult()
        : source.readResult(path);
  }
}
