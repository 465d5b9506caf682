package org.movierec.core.pair;

import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.ModelContractTest;
import org.movierec.core.spi.BackendProvider;

class PairedModelContractTest extends ModelContractTest {

  @Override
  protected BackendProvider provider() {
    return new PairedTestBackend();
  }

  @Override
  protected TrainingConfig config() {
    return TrainingConfig.builder().set("backend", PairedTestBackend.NAME).build();
  }
}
