package org.movierec.app.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.movierec.app.config.PropertiesFile;
import org.movierec.core.config.ConfigException;

class TrialPlanTest {

  private static SearchSpace space(String... lines) {
    List<PropertiesFile.Entry> entries = new java.util.ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String[] parts = lines[i].split("=", 2);
      entries.add(new PropertiesFile.Entry(parts[0].strip(), parts[1].strip(), i + 1));
    }
    return SearchSpace.of("space.txt", entries);
  }

  @Test
  void allLists_noTrialCount_runsTheWholeGridLastKeyFastest() {
    TrialPlan plan =
        TrialPlan.of(space("batch_size = 128, 256", "loss = mse, rmse"), OptionalInt.empty(), 1);

    assertThat(plan.search()).isEqualTo(TrialPlan.Search.GRID);
    assertThat(plan.trials())
        .containsExactly(
            Map.of("batch_size", "128", "loss", "mse"),
            Map.of("batch_size", "128", "loss", "rmse"),
            Map.of("batch_size", "256", "loss", "mse"),
            Map.of("batch_size", "256", "loss", "rmse"));
    assertThat(plan.trials().get(0).keySet()).containsExactly("batch_size", "loss");
  }

  @Test
  void allLists_fewerTrialsThanPoints_samplesDistinctPointsReproducibly() {
    SearchSpace grid = space("batch_size = 64, 128, 256, 512", "epochs = 5, 10, 20");

    TrialPlan plan = TrialPlan.of(grid, OptionalInt.of(5), 7);

    assertThat(plan.search()).isEqualTo(TrialPlan.Search.GRID_SAMPLE);
    assertThat(plan.trials()).hasSize(5).doesNotHaveDuplicates();
    assertThat(TrialPlan.of(grid, OptionalInt.of(5), 7)).isEqualTo(plan);
    assertThat(TrialPlan.of(grid, OptionalInt.of(5), 8)).isNotEqualTo(plan);
    assertThat(TrialPlan.of(grid, OptionalInt.of(50), 7).trials()).hasSize(12);
  }

  @Test
  void intervals_drawEachTrialWithinBoundsReproducibly() {
    SearchSpace mixed =
        space(
            "learning_rate = loguniform(0.0001, 0.01)",
            "embedding_weight_decay = range(0, 0.05)",
            "batch_size = range(100, 110)",
            "lr_schedule = cosine, constant");

    TrialPlan plan = TrialPlan.of(mixed, OptionalInt.of(400), 3);

    assertThat(plan.search()).isEqualTo(TrialPlan.Search.RANDOM);
    assertThat(plan).isEqualTo(TrialPlan.of(mixed, OptionalInt.of(400), 3));
    int belowGeometricMean = 0;
    for (Map<String, String> trial : plan.trials()) {
      double rate = Double.parseDouble(trial.get("learning_rate"));
      assertThat(rate).isBetween(0.0001, 0.01);
      belowGeometricMean += rate < 0.001 ? 1 : 0;
      assertThat(Double.parseDouble(trial.get("embedding_weight_decay"))).isBetween(0.0, 0.05);
      assertThat(Integer.parseInt(trial.get("batch_size"))).isBetween(100, 110);
      assertThat(trial.get("lr_schedule")).isIn("cosine", "constant");
    }
    // log-uniform: half the draws fall below the geometric mean of the bounds, 0.001
    assertThat(belowGeometricMean).isBetween(160, 240);
    assertThat(plan.trials().stream().map(t -> t.get("batch_size")).distinct()).hasSize(11);
  }

  @Test
  void intervals_withoutATrialCount_askForOne() {
    assertThatThrownBy(
            () -> TrialPlan.of(space("learning_rate = range(0.001, 0.01)"), OptionalInt.empty(), 1))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("give --trials N");
    assertThatThrownBy(() -> TrialPlan.of(space("epochs = 5, 10"), OptionalInt.of(0), 1))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("--trials must be at least 1");
  }
}
