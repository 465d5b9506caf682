package org.movierec.backend.djl;

import org.movierec.core.config.TrainingConfig;

/**
 * The trainer contract with every step on the engine ({@code training_step = engine}), which the
 * default leaves to GPUs and to the networks the JVM step does not cover.
 */
class DjlEngineStepTrainerContractTest extends DjlTrainerContractTest {

  @Override
  protected TrainingConfig config() {
    return super.config().toBuilder().set("training_step", "engine").build();
  }
}
