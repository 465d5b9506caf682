package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.Layout;
import org.movierec.data.generate.DatasetGenerator;
import org.movierec.data.generate.GeneratorSpec;
import org.movierec.server.MovieRecServer;
import org.movierec.server.ServerConfig;

/**
 * {@code movierec serve} and {@code loadtest} refuse what they cannot do with one line and the
 * usual exit codes, before serving or sending a request.
 */
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
  void serve_adminTokenOnTheCommandLine_isRefusedWithoutRepeatingIt() {
    String token = "cli-secret-0123456789abcdef";
    CliRun run =
        CliRun.of(
            "serve",
            "--model",
            dir.resolve("m.mrec").toString(),
            "--port",
            "0",
            "--set",
            "admin_token=" + token);

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains("--set admin_token")
        .contains("MOVIEREC_ADMIN_TOKEN")
        .doesNotContain(token);
    assertThat(run.out()).doesNotContain(token);
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

  @Test
  void loadtest_urlOffThisMachine_isRefusedBeforeAnyRequest() {
    CliRun run =
        CliRun.of(
            "loadtest",
            "--url",
            "http://10.1.2.3:8080/",
            "--model",
            dir.resolve("m.mrec").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--url must name this machine").contains("10.1.2.3");
  }

  @Test
  void loadtest_reloadsWithoutToken_areAUsageError() {
    CliRun run =
        CliRun.of(
            "loadtest",
            "--url",
            "http://127.0.0.1:9/",
            "--model",
            dir.resolve("m.mrec").toString(),
            "--reload-every",
            "1000");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("admin_token");
  }

  @Test
  void loadtest_againstARunningServer_printsTheTableAndExits0() throws Exception {
    Path data = dir.resolve("data");
    DatasetGenerator.generate(
        GeneratorSpec.builder().setUsers(40).setMovies(30).setRatings(800).optSeed(4).build(),
        data,
        Layout.ML_100K);
    Path model = dir.resolve("model.mrec");
    assertThat(
            CliRun.of(
                    "train",
                    "--data",
                    data.toString(),
                    "--backend",
                    "baseline",
                    "--model",
                    model.toString())
                .code())
        .isZero();
    try (MovieRecServer server =
        MovieRecServer.builder()
            .setModelFile(model)
            .optConfig(ServerConfig.builder().optHost("127.0.0.1").optPort(0).build())
            .build()
            .start()) {
      CliRun run =
          CliRun.of(
              "loadtest",
              "--url",
              server.uri().toString(),
              "--model",
              model.toString(),
              "--threads",
              "2",
              "--duration",
              "1");

      assertThat(run.code()).as(run.err()).isZero();
      assertThat(run.out())
          .contains("GET /v1/users/{user}/recommendations")
          .contains("POST /v1/recommendations")
          .contains("server heap in use");
    }
  }
}
