package org.movierec.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.training.LossKind;

class PresetsTest {

  @Test
  void everyPreset_buildsAValidConfig() {
    for (Preset preset : Presets.all()) {
      TrainingConfig config = TrainingConfig.builder().setAll(preset.settings()).build();
      assertThat(NetworkSpecs.resolve(config.network())).isNotNull();
    }
  }

  @Test
  void seed_isTheOriginalRecipe() {
    TrainingConfig config = TrainingConfig.builder().setAll(Presets.SEED.settings()).build();

    assertThat(config.epochs()).isEqualTo(50);
    assertThat(config.batchSize()).isEqualTo(256);
    assertThat(config.learningRate()).isEqualTo(0.001);
    assertThat(config.loss()).isEqualTo(LossKind.RMSE);
    assertThat(config.weightDecay()).isZero();
    assertThat(config.earlyStoppingPatience()).isZero();
  }
}
