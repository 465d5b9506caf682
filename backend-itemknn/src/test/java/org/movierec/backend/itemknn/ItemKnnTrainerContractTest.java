package org.movierec.backend.itemknn;

import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.TrainerContractTest;
import org.movierec.core.spi.BackendProvider;

/** The item-kNN backend keeps every promise of the TrainerContract contract. */
class ItemKnnTrainerContractTest extends TrainerContractTest {

  @Override
  protected BackendProvider provider() {
    return new ItemKnnBackendProvider();
  }

  @Override
  protected TrainingConfig config() {
    return TrainingConfig.builder().set("backend", ItemKnnBackendProvider.NAME).build();
  }
}
