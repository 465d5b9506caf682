package org.movierec.backend.djl;

import org.movierec.core.config.TrainingConfig;

/**
 * The model contract (learn, save and load, predict, fold in, ...) for a model trained with every
 * step on the engine ({@code training_step = engine}), beside {@link DjlModelContractTest}, whose
 * model the JVM step trains.
 */
class DjlEngineStepModelContractTest extends DjlModelContractTest {

  @Override
  protected TrainingConfig config() {
    return super.config().toBuilder().set("training_step", "engine").build();
  }
}
