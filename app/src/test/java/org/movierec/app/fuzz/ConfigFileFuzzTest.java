package org.movierec.app.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.movierec.app.config.ConfigRequest;
import org.movierec.app.config.ConfigResolver;
import org.movierec.app.config.EffectiveConfig;
import org.movierec.core.config.ConfigException;

/**
 * Feeds arbitrary bytes as a {@code --config} file to the configuration loader. The only allowed
 * outcomes are an effective configuration or a {@link ConfigException} whose message names the file
 * and a line ({@code file:line:}); anything else, a hang or an OutOfMemoryError is a finding. The
 * timeout becomes Jazzer's per-input hang limit.
 */
class ConfigFileFuzzTest {

  /** A RAM-backed directory when the machine has one: fuzzing writes thousands of files. */
  private static final Path SCRATCH =
      Files.isDirectory(Path.of("/dev/shm")) && Files.isWritable(Path.of("/dev/shm"))
          ? Path.of("/dev/shm")
          : Path.of(System.getProperty("java.io.tmpdir"));

  @Timeout(30)
  @FuzzTest(maxDuration = "10s")
  void resolve_arbitraryConfigFile_resolvesOrNamesFileAndLine(byte[] content) throws IOException {
    Path file = Files.createTempFile(SCRATCH, "fuzz", ".properties");
    try {
      Files.write(file, content);
      ConfigRequest request =
          new ConfigRequest(Optional.empty(), Optional.of(file), List.of(), List.of());
      try {
        EffectiveConfig config = ConfigResolver.resolve(request);
        if (config.config() == null) {
          throw new AssertionError("resolved to no configuration");
        }
      } catch (ConfigException e) {
        Pattern fileAndLine = Pattern.compile(Pattern.quote(file.toString()) + ":\\d+: ");
        if (!fileAndLine.matcher(e.getMessage()).find()) {
          throw new AssertionError("the message names no file and line: " + e.getMessage(), e);
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
