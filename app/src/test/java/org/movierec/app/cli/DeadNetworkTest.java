package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model that answers every pair alike is flagged, and the default run retrains it. */
class DeadNetworkTest {

  @TempDir Path dir;

  @Test
  void trainJson_constantModel_isFlaggedAsStuck() throws IOException {
    CliRun run =
        CliRun.of(
            "train",
            "--backend",
            ConstantTestBackend.NAME,
            "--model",
            dir.resolve("c.mrec").toString(),
            "--json");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(new ObjectMapper().readTree(run.out()).get("output_stuck").asBoolean()).isTrue();
  }

  @Test
  void demo_constantModel_retriesWithTheNextSeedsThenShowsWhatItHas() {
    CliRun run =
        CliRun.of(
            "demo",
            "--backend",
            ConstantTestBackend.NAME,
            "--model",
            dir.resolve("d.mrec").toString(),
            "--rank-model",
            dir.resolve("d-rank.mrec").toString(),
            "--rank-set",
            "epochs=1");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("seed 1 left the network's output dead")
        .contains("training again with seed 2")
        .contains("training again with seed 4")
        .doesNotContain("seed 5");
    assertThat(run.out()).contains("test RMSE", "top 10 for user");
  }

  @Test
  void demo_workingModel_trainsOnce() {
    CliRun run =
        CliRun.of(
            "demo",
            "--backend",
            "baseline",
            "--model",
            dir.resolve("b.mrec").toString(),
            "--rank-model",
            dir.resolve("b-rank.mrec").toString(),
            "--rank-set",
            "epochs=1");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).doesNotContain("training again").contains("training the list model");
    assertThat(run.out())
        .contains("bias baseline RMSE", "predictions for test ratings", "top 10 for user");
  }
}
