package org.movierec.backend.djl;

import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.ModelContractTest;
import org.movierec.core.spi.BackendProvider;

/** The model contract for a DJL model trained on the JVM ({@code training_step = jvm}). */
class DjlModelContractTest extends ModelContractTest {

  @Override
  protected BackendProvider provider() {
    return new DjlBackendProvider();
  }

  @Override
  protected TrainingConfig config() {
    return TrainingConfig.builder()
        .set("backend", DjlBackendProvider.NAME)
        .set("epochs", "30")
        .set("batch_size", "64")
        .set("learning_rate", "0.01")
        .set("training_step", "jvm")
        .build();
  }
}
