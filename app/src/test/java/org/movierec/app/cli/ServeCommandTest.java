package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code movierec serve} refuses what it cannot serve with one line and the usual exit codes. */
class ServeCommandTest {

  @TempDir Path dir;

  @Test
  void serve_portOutOfRange_isAUsageErrorNamingTheFlag() {
    CliRun run = CliRun.of("serve", "--model", dir.resolve("m.mrec").toString(), "--port", "70000");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--port").contains("server_port").contains("0..65535");
    assertThat(run.errLines()).isEqualTo(1);
  }

  @Test
  void serve_missingModelFile_failsWithOneLine() {
    CliRun run =
        CliRun.of("serve", "--model", dir.resolve("absent.mrec").toString(), "--port", "0");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("absent.mrec").contains("train one first");
    assertThat(run.errLines()).isEqualTo(1);
  }

  @Test
  void serve_truncatedModelFile_failsNamingTheProblem() throws Exception {
    Path file = Files.write(dir.resolve("cut.mrec"), "MOVIEREC and then nothing".getBytes());
    CliRun run = CliRun.of("serve", "--model", file.toString(), "--port", "0");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("cut.mrec").contains("truncated");
  }

  @Test
  void configKeys_listsTheServerKeys() {
    CliRun run = CliRun.of("config", "--keys");

    assertThat(run.out())
        .contains("keys of movierec serve")
        .contains("admin_token")
        .contains("server_port");
  }
}
