package org.movierec.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.movierec.app.config.ConfigReference;
import org.movierec.core.config.ConfigKey;
import org.movierec.core.config.Keys;
import org.movierec.model.Preset;
import org.movierec.model.Presets;
import org.movierec.server.ServerKeys;

/** docs/configuration.md is what {@link ConfigReference} generates from the keys, to the byte. */
class ConfigReferenceTest {

  private static final Path REFERENCE = ProjectPoms.ROOT.resolve("docs/configuration.md");

  @Test
  void committedReference_comparedWithGenerator_isEqual() throws IOException {
    String committed = Files.exists(REFERENCE) ? Files.readString(REFERENCE) : "";

    assertThat(committed)
        .as(
            "docs/configuration.md differs from what ConfigReference generates from Keys,"
                + " ServerKeys and Presets; regenerate it with scripts/docs.sh config (or:"
                + " java -jar app/target/movierec.jar config --reference > docs/configuration.md)"
                + " and commit it")
        .isEqualTo(ConfigReference.markdown());
  }

  @Test
  void reference_everyKeyAndPreset_hasARowWithItsDefault() {
    String reference = ConfigReference.markdown();

    for (ConfigKey<?> key : Keys.ALL) {
      assertThat(reference).contains("| `" + key.name() + "` | `" + key.format(key.defaultValue()));
    }
    for (ConfigKey<?> key : ServerKeys.ALL) {
      assertThat(reference).contains("| `" + key.name() + "` | ");
    }
    for (Preset preset : Presets.all()) {
      assertThat(reference).contains("| `" + preset.name() + "` | " + preset.description());
    }
  }

  @Test
  void reference_tuned_showsItsLearningRate() {
    assertThat(ConfigReference.markdown())
        .containsPattern("\\| `learning_rate` \\| `0.001` \\|[^\\n]*`0.0016`");
  }
}
