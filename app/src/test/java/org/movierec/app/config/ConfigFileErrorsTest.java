package org.movierec.app.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.config.ConfigException;

/** Errors the config-file fuzzer found: each names the file and the line. */
class ConfigFileErrorsTest {

  @TempDir Path dir;

  private static ConfigRequest request(Path file) {
    return new ConfigRequest(Optional.empty(), Optional.of(file), List.of(), List.of());
  }

  @Test
  void resolve_latin1ByteOnThirdLine_namesFileLineAndOffset() throws IOException {
    Path file = dir.resolve("run.properties");
    Files.write(file, "epochs = 3\r\n# comment\nnetwork = caf\u00e9\n".getBytes("ISO-8859-1"));

    assertThatThrownBy(() -> ConfigResolver.resolve(request(file)))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ":3: the byte at offset 35 is not valid UTF-8; save the file as UTF-8");
  }

  @Test
  void resolve_truncatedUtf8AtEnd_namesLastLine() throws IOException {
    Path file = dir.resolve("run.properties");
    Files.write(file, new byte[] {'a', '=', 'b', '\n', 'c', '=', (byte) 0xC3});

    assertThatThrownBy(() -> ConfigResolver.resolve(request(file)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":2: the byte at offset 6 is not valid UTF-8");
  }

  @Test
  void resolve_earlyStoppingWithoutValidationInFile_namesFileAndLine() throws IOException {
    Path file = dir.resolve("run.properties");
    Files.writeString(file, "epochs = 3\nearly_stopping_patience = 2\n");

    assertThatThrownBy(() -> ConfigResolver.resolve(request(file)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":2: early_stopping_patience=2 needs a validation set");
  }
}
