package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.TrainingConfig;
import org.movierec.model.NetworkSpecs;

/**
 * Which training step {@code training_step} picks: the JVM step for the networks it covers on the
 * CPU, the engine for the rest and on a GPU, and an error for an explicit {@code jvm} on a GPU.
 */
class DjlStepChoiceTest {

  @ParameterizedTest(name = "training_step={0}, network {1}, objective {2}, gpu {3}: jvm {4}")
  @CsvSource({
    "auto, seed, rating, false, true",
    "jvm, seed, rating, false, true",
    "engine, seed, rating, false, false",
    "auto, seed, rating, true, false",
    "engine, seed, rating, true, false",
    "auto, seed-residual, ranking, false, true",
    "jvm, seed-positive-output, rating, false, true",
    "auto, seed-residual-dot, rating, false, false",
    "jvm, seed-residual-dot, rating, false, false",
    "auto, seed-rank, ranking, false, false",
    "jvm, seed-joint, joint, false, false"
  })
  void of_stepNetworkObjectiveAndDevice_picksTheJvmStepOnlyWhereItCovers(
      String step, String network, String objective, boolean gpu, boolean jvm) {
    TrainingConfig config =
        TrainingConfig.builder()
            .set("training_step", step)
            .set("network", network)
            .set("objective", objective)
            .build();

    DjlStepChoice choice = DjlStepChoice.of(config, NetworkSpecs.resolve(network), gpu);

    assertThat(choice.jvm()).isEqualTo(jvm);
    assertThat(choice.describe()).isEqualTo(jvm ? "jvm" : "engine");
    if (jvm || step.equals("engine")) {
      assertThat(choice.reason()).isEmpty();
    } else {
      assertThat(choice.reason()).contains(gpu ? "GPU" : "does not cover");
    }
  }

  @ParameterizedTest(name = "network {0}")
  @CsvSource({"seed-residual-dot, embedding_dot", "seed-rank, user_history"})
  void of_uncoveredNetwork_namesWhatTheJvmStepLacks(String network, String feature) {
    TrainingConfig config = TrainingConfig.builder().set("network", network).build();

    assertThat(DjlStepChoice.of(config, NetworkSpecs.resolve(network), false).reason())
        .contains(network)
        .contains(feature);
  }

  @ParameterizedTest(name = "device {0}")
  @CsvSource({"gpu", "gpu:1", "auto"})
  void of_jvmOnAGpu_failsSayingWhatToSet(String device) {
    TrainingConfig config =
        TrainingConfig.builder().set("training_step", "jvm").set("device", device).build();

    assertThatThrownBy(() -> DjlStepChoice.of(config, NetworkSpecs.resolve("seed"), true))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("training_step=jvm")
        .hasMessageContaining("device=" + device)
        .hasMessageContaining("training_step=auto or engine")
        .hasMessageContaining("device=cpu");
  }
}
