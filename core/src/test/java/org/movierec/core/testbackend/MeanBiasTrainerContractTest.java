package org.movierec.core.testbackend;

import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.TrainerContractTest;
import org.movierec.core.spi.BackendProvider;

class MeanBiasTrainerContractTest extends TrainerContractTest {

  @Override
  protected BackendProvider provider() {
    return new MeanBiasTestBackend();
  }

  @Override
  protected TrainingConfig config() {
    return TrainingConfig.builder().set("backend", MeanBiasTestBackend.NAME).build();
  }
}
