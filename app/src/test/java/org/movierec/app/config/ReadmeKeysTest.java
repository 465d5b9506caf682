package org.movierec.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.ConfigKey;
import org.movierec.core.config.Keys;

/** README documents every configuration key with its real default, so the two cannot drift. */
class ReadmeKeysTest {

  @Test
  void readme_everyKey_listedWithItsDefault() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    for (ConfigKey<?> key : Keys.ALL) {
      assertThat(readme)
          .as("README's configuration table")
          .contains("| `" + key.name() + "` | `" + key.format(key.defaultValue()) + "` |");
    }
  }
}
