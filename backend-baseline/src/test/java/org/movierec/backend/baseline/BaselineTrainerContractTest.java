package org.movierec.backend.baseline;

import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.TrainerContractTest;
import org.movierec.core.spi.BackendProvider;

/** The baseline's trainer keeps every promise of the Trainer contract. */
class BaselineTrainerContractTest extends TrainerContractTest {

  @Override
  protected BackendProvider provider() {
    return new BaselineBackendProvider();
  }

  @Override
  protected TrainingConfig config() {
    return TrainingConfig.builder().set("backend", BaselineBackendProvider.NAME).build();
  }
}
