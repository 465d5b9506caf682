package org.movierec.backend.ease;

import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.TrainerContractTest;
import org.movierec.core.spi.BackendProvider;

/** EASE's trainer keeps every promise of the Trainer contract. */
class EaseTrainerContractTest extends TrainerContractTest {

  @Override
  protected BackendProvider provider() {
    return new EaseBackendProvider();
  }

  @Override
  protected TrainingConfig config() {
    return TrainingConfig.builder().set("backend", EaseBackendProvider.NAME).build();
  }
}
