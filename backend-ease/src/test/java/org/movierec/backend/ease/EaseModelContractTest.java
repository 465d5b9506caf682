package org.movierec.backend.ease;

import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.ModelContractTest;
import org.movierec.core.spi.BackendProvider;

/** EASE's models keep every promise of the Model contract. */
class EaseModelContractTest extends ModelContractTest {

  @Override
  protected BackendProvider provider() {
    return new EaseBackendProvider();
  }

  @Override
  protected TrainingConfig config() {
    return TrainingConfig.builder().set("backend", EaseBackendProvider.NAME).build();
  }
}
