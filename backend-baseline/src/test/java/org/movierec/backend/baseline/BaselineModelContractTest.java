package org.movierec.backend.baseline;

import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.ModelContractTest;
import org.movierec.core.spi.BackendProvider;

/** The baseline's models keep every promise of the Model contract. */
class BaselineModelContractTest extends ModelContractTest {

  @Override
  protected BackendProvider provider() {
    return new BaselineBackendProvider();
  }

  @Override
  protected TrainingConfig config() {
    return TrainingConfig.builder().set("backend", BaselineBackendProvider.NAME).build();
  }
}
