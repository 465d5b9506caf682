package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every usage and configuration error: exit code 2 and one line naming what is wrong. */
class UsageErrorsTest {

  @TempDir Path dir;

  private static void assertUsageError(CliRun run, String... fragments) {
    assertThat(run.code()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).doesNotContain("\tat ");
    for (String fragment : fragments) {
      assertThat(run.err()).contains(fragment);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"train", "evaluate", "predict", "recommend", "config", "demo"})
  void help_everyCommand_showsExamplesAndExitsZero(String command) {
    CliRun run = CliRun.of(command, "--help");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Usage: movierec " + command).contains("Examples:");
  }

  @Test
  void help_topLevel_listsCommandsAndExitCodes() {
    CliRun run = CliRun.of("--help");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("train", "predict", "recommend", "Exit codes");
  }

  @Test
  void unknownCommand_suggestsNearest() {
    assertUsageError(CliRun.of("trian"), "movierec: Unmatched argument", "train");
  }

  @Test
  void unknownOption_suggestsNearest() {
    assertUsageError(
        CliRun.of("train", "--model", "m.mrec", "--epoch", "3"),
        "movierec train: Unknown option",
        "'--epoch'",
        "did you mean --epochs?");
  }

  @Test
  void missingRequiredOption_namesIt() {
    assertUsageError(CliRun.of("predict", "--user", "1", "--movie", "2"), "'--model=FILE'");
  }

  @Test
  void nonNumericUserId_namesTheOption() {
    assertUsageError(
        CliRun.of("predict", "--model", "m", "--user", "x", "--movie", "2"), "--user", "'x'");
  }

  @Test
  void testWithoutData_explains() {
    assertUsageError(
        CliRun.of("train", "--model", "m.mrec", "--test", "t.tsv"), "--test needs --data");
  }

  @Test
  void testAndSplitTogether_areExclusive() {
    assertUsageError(
        CliRun.of("train", "--data", "d", "--model", "m", "--test", "t", "--split", "random:0.1"),
        "mutually exclusive");
  }

  @Test
  void topZero_isRefused() {
    assertUsageError(
        CliRun.of("recommend", "--model", "m", "--user", "1", "--top", "0"),
        "--top must be at least 1");
  }

  @Test
  void noCommandButAnOption_asksForACommand() {
    assertUsageError(CliRun.of("--verbose"), "a command is needed");
  }

  @Test
  void unknownKeyInSet_suggestsNearest() {
    assertUsageError(
        CliRun.of("config", "--print", "--set", "batchsize=3"),
        "movierec config: --set: unknown configuration key 'batchsize'",
        "did you mean 'batch_size'?");
  }

  @Test
  void badValueInFlag_namesKeyValueAndAllowed() {
    assertUsageError(
        CliRun.of("train", "--model", "m.mrec", "--epochs", "0"),
        "--epochs: bad value for epochs: '0'",
        "an integer in 1..100000");
  }

  @Test
  void badValueInConfigFile_namesFileAndLine() throws IOException {
    Path config = dir.resolve("bad.properties");
    Files.writeString(config, "backend = baseline\nlearning_rate = fast\n");
    assertUsageError(
        CliRun.of("train", "--model", "m.mrec", "--config", config.toString()),
        config + ":2: bad value for learning_rate: 'fast'",
        "expected a number > 0");
  }

  @Test
  void unknownBackend_listsAvailableAndNearest() {
    assertUsageError(
        CliRun.of("train", "--model", dir.resolve("m.mrec").toString(), "--backend", "baselin"),
        "--backend: bad value for backend: 'baselin' is not an available backend",
        "baseline",
        "did you mean 'baseline'?");
  }

  @Test
  void configPrint_unknownBackendInAFile_namesFileLineAndAvailableBackends() throws IOException {
    Path config = dir.resolve("typo.properties");
    Files.writeString(config, "# engine\nbackend = djll\n");
    assertUsageError(
        CliRun.of("config", "--print", "--config", config.toString()),
        config + ":2: bad value for backend: 'djll' is not an available backend",
        "did you mean 'djl'?");
  }

  @Test
  void unknownPreset_suggestsNearest() {
    assertUsageError(CliRun.of("config", "--preset", "dem"), "unknown preset 'dem'", "'demo'");
  }

  @Test
  void kfoldSplitInTrain_pointsToCv() {
    assertUsageError(
        CliRun.of(
            "train",
            "--backend",
            "baseline",
            "--model",
            dir.resolve("m").toString(),
            "--split",
            "kfold:5"),
        "makes 5 splits but train uses one",
        "movierec cv --folds 5");
  }

  @Test
  void unknownFormat_listsTheLayouts() {
    assertUsageError(
        CliRun.of(
            "train",
            "--backend",
            "baseline",
            "--model",
            dir.resolve("m").toString(),
            "--format",
            "parquet"),
        "--format: unknown layout 'parquet'",
        "ml-100k");
  }

  @Test
  void unknownBadLinePolicy_listsThePolicies() {
    assertUsageError(
        CliRun.of(
            "train",
            "--backend",
            "baseline",
            "--model",
            dir.resolve("m").toString(),
            "--on-bad-line",
            "ignore"),
        "--on-bad-line: unknown bad-line policy 'ignore'; allowed: fail, skip");
  }

  @Test
  void splitSpecNotUnderstood_showsTheForm() {
    assertUsageError(
        CliRun.of(
            "train",
            "--backend",
            "baseline",
            "--model",
            dir.resolve("m").toString(),
            "--split",
            "halves"),
        "movierec train: --split: bad split 'halves'",
        "accepted forms: random:FRACTION");
  }
}
