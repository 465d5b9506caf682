package org.movierec.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.ConfigKey;
import org.movierec.core.config.Keys;
import org.movierec.server.ServerKeys;
import org.movierec.server.feedback.FeedbackKeys;

/**
 * README documents every configuration key, the server's too, with its real default, so the two
 * cannot drift.
 */
class ReadmeKeysTest {

  private static List<ConfigKey<?>> allKeys() {
    List<ConfigKey<?>> all = new ArrayList<>(Keys.ALL);
    all.addAll(ServerKeys.ALL);
    all.addAll(FeedbackKeys.ALL);
    return all;
  }

  @Test
  void readme_everyKey_listedWithItsDefault() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    for (ConfigKey<?> key : allKeys()) {
      String value = key.format(key.defaultValue());
      assertThat(readme)
          .as("README's configuration table")
          .contains(
              "| `"
                  + key.name()
                  + "` | "
                  + (value.isEmpty() ? "(empty)" : "`" + value + "`")
                  + " |");
    }
  }
}
