package org.movierec.backend.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileException;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.core.training.TrainingListener;

class BaselineModelFileTest {

  @TempDir Path dir;

  @Test
  void registry_classPath_findsBaselineByName() {
    assertThat(BackendRegistry.discover().get("baseline"))
        .isInstanceOf(BaselineBackendProvider.class);
  }

  @Test
  void saveThenLoad_throughRegistry_predictsTheSame() throws IOException {
    TrainingConfig config = TrainingConfig.defaults();
    Model trained =
        new BaselineTrainer()
            .train(
                BaselineTrainerTest.tiny(),
                Optional.of(BaselineTrainerTest.tiny()),
                config,
                TrainingListener.NONE);
    Path file = dir.resolve("baseline.model");
    trained.save(file);
    try (Model loaded = BackendRegistry.discover().load(file, RuntimeOptions.of(config))) {
      for (int user : new int[] {1, 2, 3, 99}) {
        for (int movie : new int[] {10, 20, 30, 40, 77}) {
          assertThat(loaded.predict(user, movie)).isEqualTo(trained.predict(user, movie));
        }
        assertThat(loaded.recommend(user, 3)).isEqualTo(trained.recommend(user, 3));
      }
      assertThat(loaded.info()).isEqualTo(trained.info());
    }
  }

  @Test
  void load_fileOfAnotherBackend_isIncompatible() throws IOException {
    Path file = dir.resolve("other.model");
    ModelFile.writer("djl").text("info", "{}").writeTo(file);
    ModelFile read = ModelFile.read(file);
    assertThatThrownBy(
            () ->
                new BaselineBackendProvider()
                    .load(read, RuntimeOptions.of(TrainingConfig.defaults())))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("written by backend 'djl'");
  }

  @Test
  void load_truncatedFile_saysTruncated() throws IOException {
    Path file = dir.resolve("cut.model");
    new BaselineTrainer().train(BaselineTrainerTest.tiny(), TrainingConfig.defaults()).save(file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
    assertThatThrownBy(
            () ->
                BackendRegistry.discover().load(file, RuntimeOptions.of(TrainingConfig.defaults())))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("truncated");
  }
}
