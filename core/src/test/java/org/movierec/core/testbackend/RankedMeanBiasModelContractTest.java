package org.movierec.core.testbackend;

import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.ModelContractTest;
import org.movierec.core.spi.BackendProvider;

class RankedMeanBiasModelContractTest extends ModelContractTest {

  @Override
  protected BackendProvider provider() {
    return new RankedMeanBiasTestBackend();
  }

  @Override
  protected TrainingConfig config() {
    return TrainingConfig.builder().set("backend", RankedMeanBiasTestBackend.NAME).build();
  }
}
