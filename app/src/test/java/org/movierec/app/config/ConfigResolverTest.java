package org.movierec.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.Keys;

class ConfigResolverTest {

  @TempDir Path dir;

  private Path file(String content) throws IOException {
    Path file = dir.resolve("run.properties");
    Files.writeString(file, content);
    return file;
  }

  private static ConfigRequest request(
      String preset, Path file, List<String> sets, List<ConfigRequest.Flag> flags) {
    return new ConfigRequest(Optional.ofNullable(preset), Optional.ofNullable(file), sets, flags);
  }

  @Test
  void resolve_noLayers_isTheDefaults() throws IOException {
    EffectiveConfig config = ConfigResolver.resolve(ConfigRequest.defaults());
    assertThat(config.config()).isEqualTo(org.movierec.core.config.TrainingConfig.defaults());
    assertThat(config.originOf(Keys.EPOCHS)).isEqualTo("default");
  }

  @Test
  void resolve_allLayers_flagWinsOverSetOverFileOverPreset() throws IOException {
    Path file = file("epochs = 20\nbatch_size = 64\nlearning_rate = 0.01\n");
    EffectiveConfig config =
        ConfigResolver.resolve(
            request(
                "seed",
                file,
                List.of("epochs=10", "batch_size=128"),
                List.of(new ConfigRequest.Flag("--epochs", Keys.EPOCHS, "5"))));
    assertThat(config.config().epochs()).isEqualTo(5);
    assertThat(config.originOf(Keys.EPOCHS)).isEqualTo("--epochs");
    assertThat(config.config().batchSize()).isEqualTo(128);
    assertThat(config.originOf(Keys.BATCH_SIZE)).isEqualTo("--set");
    assertThat(config.config().learningRate()).isEqualTo(0.01);
    assertThat(config.originOf(Keys.LEARNING_RATE)).isEqualTo(file + ":3");
    assertThat(config.config().backend()).isEqualTo("djl");
    assertThat(config.originOf(Keys.BACKEND)).isEqualTo("preset seed");
    assertThat(config.originOf(Keys.THREADS)).isEqualTo("default");
  }

  @Test
  void resolve_presetWithSet_runsThePresetForTheSetEpochs() throws IOException {
    EffectiveConfig config =
        ConfigResolver.resolve(request("seed", null, List.of("epochs=10"), List.of()));
    assertThat(config.config().epochs()).isEqualTo(10);
    assertThat(config.config().network()).isEqualTo("seed");
  }

  @Test
  void resolve_fileWithCommentsBomAndCrlf_readsValues() throws IOException {
    Path file = file("\uFEFF# a comment\r\n! another\r\n\r\n  backend=baseline  \r\nseed = 9");
    EffectiveConfig config = ConfigResolver.resolve(request(null, file, List.of(), List.of()));
    assertThat(config.config().backend()).isEqualTo("baseline");
    assertThat(config.config().seed()).isEqualTo(9L);
    assertThat(config.originOf(Keys.SEED)).isEqualTo(file + ":5");
  }

  @Test
  void resolve_typoInFile_namesFileLineAndNearestKey() throws IOException {
    Path file = file("# header\nepoch = 10\n");
    assertThatThrownBy(() -> ConfigResolver.resolve(request(null, file, List.of(), List.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ":2")
        .hasMessageContaining("unknown configuration key 'epoch'")
        .hasMessageContaining("did you mean 'epochs'?");
  }

  @Test
  void resolve_badValueInFile_namesFileLineValueAndAllowed() throws IOException {
    Path file = file("batch_size = many\n");
    assertThatThrownBy(() -> ConfigResolver.resolve(request(null, file, List.of(), List.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ":1")
        .hasMessageContaining("batch_size")
        .hasMessageContaining("'many'")
        .hasMessageContaining("an integer in 1..");
  }

  @Test
  void resolve_lineWithoutEquals_namesFileAndLine() throws IOException {
    Path file = file("backend = djl\nepochs 10\n");
    assertThatThrownBy(() -> ConfigResolver.resolve(request(null, file, List.of(), List.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ":2: expected 'key = value' but found 'epochs 10'");
  }

  @Test
  void resolve_keySetTwiceInFile_namesBothLines() throws IOException {
    Path file = file("epochs = 1\n\nepochs = 2\n");
    assertThatThrownBy(() -> ConfigResolver.resolve(request(null, file, List.of(), List.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ":3")
        .hasMessageContaining("first on line 1");
  }

  @Test
  void resolve_missingFile_saysSo() {
    Path missing = dir.resolve("nope.properties");
    assertThatThrownBy(() -> ConfigResolver.resolve(request(null, missing, List.of(), List.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("config file " + missing + " does not exist");
  }

  @Test
  void resolve_setWithoutEquals_showsTheForm() {
    assertThatThrownBy(
            () -> ConfigResolver.resolve(request(null, null, List.of("epochs"), List.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--set 'epochs': expected key=value");
  }

  @Test
  void resolve_unknownPreset_suggestsNearestAndListsAll() {
    assertThatThrownBy(() -> ConfigResolver.resolve(request("sed", null, List.of(), List.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown preset 'sed'")
        .hasMessageContaining("did you mean 'seed'?")
        .hasMessageContaining("available: seed, tuned, demo, large");
  }

  @Test
  void resolve_badFlag_namesTheFlag() {
    assertThatThrownBy(
            () ->
                ConfigResolver.resolve(
                    request(
                        null,
                        null,
                        List.of(),
                        List.of(new ConfigRequest.Flag("--device", Keys.DEVICE, "tpu")))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--device: bad value for device: 'tpu'")
        .hasMessageContaining("one of auto, cpu, gpu, gpu:N");
  }

  @Test
  void resolve_severalProblems_reportsAllAtOnce() {
    assertThatThrownBy(
            () ->
                ConfigResolver.resolve(
                    request(null, null, List.of("epochs=0", "lerning_rate=0.1"), List.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bad value for epochs: '0'")
        .hasMessageContaining("did you mean 'learning_rate'?");
  }

  @Test
  void resolve_earlyStoppingWithoutValidation_explainsTheFix() {
    assertThatThrownBy(
            () ->
                ConfigResolver.resolve(
                    request(null, null, List.of("early_stopping_patience=3"), List.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("set validation_fraction");
  }

  @Test
  void describe_effectiveConfig_isAPropertiesFileWithOrigins() throws IOException {
    EffectiveConfig config =
        ConfigResolver.resolve(request("demo", null, List.of("seed=3"), List.of()));
    assertThat(config.describe())
        .hasSize(Keys.ALL.size())
        .anyMatch(line -> line.matches("epochs = 20\\s+# preset demo"))
        .anyMatch(line -> line.matches("seed = 3\\s+# --set"))
        .anyMatch(line -> line.matches("threads = 0\\s+# default"));
  }
}
