package org.movierec.backend.itemknn;

import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.ModelFileDamageContractTest;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.RuntimeOptions;

/** Damaged item-kNN model files fail with a clear ModelFileException. */
class ItemKnnModelFileDamageTest extends ModelFileDamageContractTest {

  @Override
  protected BackendProvider provider() {
    return new ItemKnnBackendProvider();
  }

  @Override
  protected Model trainSmallModel() {
    return new ItemKnnTrainer().train(ItemKnnTrainerTest.tiny(), TrainingConfig.defaults());
  }

  @Override
  protected RuntimeOptions runtimeOptions() {
    return RuntimeOptions.of(TrainingConfig.defaults());
  }
}
