package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.model.Model;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.TrainingListener;

/** Counts the NDArrays alive under DJL's system manager, which every manager descends from. */
class DjlResourceTest {

  @Test
  void train_manyEpochs_liveArraysFlatAndAllFreedAtTheEnd() {
    NDManager system;
    try (NDManager probe = DjlEngine.engine().newBaseManager()) {
      system = probe.getParentManager();
    }
    int before = system.getManagedArrays().size();
    List<Integer> atEpochEnd = new ArrayList<>();
    TrainingListener counter =
        new TrainingListener() {
          @Override
          public void onEpochEnd(EpochReport report) {
            atEpochEnd.add(system.getManagedArrays().size());
          }
        };
    TrainingConfig config =
        TrainingConfig.builder()
            .set("epochs", "12")
            .set("batch_size", "16")
            .set("validation_fraction", "0.2")
            .build();
    try (Model model =
        new DjlTrainer()
            .train(SyntheticRatings.generate(30, 20, 10, 3), Optional.empty(), config, counter)) {
      assertThat(model.info().summary().epochsRun()).isEqualTo(12);
    }
    assertThat(atEpochEnd).hasSize(12).containsOnly(atEpochEnd.get(0));
    assertThat(system.getManagedArrays()).hasSize(before);
  }
}
