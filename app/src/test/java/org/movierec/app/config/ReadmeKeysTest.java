package org.movierec.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.ConfigKey;
import org.movierec.core.config.Keys;
import org.movierec.server.ServerKeys;
import org.movierec.server.feedback.FeedbackKeys;

/**
 * README documents every training and runtime key, and docs/serving.md every key of the server and
 * its ratings store, each with its real default, so that documentation and code cannot drift.
 */
class ReadmeKeysTest {

  @Test
  void readme_everyKey_listedWithItsDefault() throws IOException {
    assertListed(Path.of("..", "README.md"), Keys.ALL);
  }

  @Test
  void servingGuide_everyServerKey_listedWithItsDefault() throws IOException {
    assertListed(Path.of("..", "docs", "serving.md"), ServerKeys.ALL);
    assertListed(Path.of("..", "docs", "serving.md"), FeedbackKeys.ALL);
  }

  private static void assertListed(Path document, List<ConfigKey<?>> keys) throws IOException {
    String text = Files.readString(document);
    for (ConfigKey<?> key : keys) {
      String value = key.format(key.defaultValue());
      assertThat(text)
          .as(document + "'s configuration table")
          .contains(
              "| `"
                  + key.name()
                  + "` | "
                  + (value.isEmpty() ? "(empty)" : "`" + value + "`")
                  + " |");
    }
  }
}
