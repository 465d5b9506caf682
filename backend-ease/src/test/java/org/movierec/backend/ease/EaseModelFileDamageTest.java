package org.movierec.backend.ease;

import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.ModelFileDamageContractTest;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.RuntimeOptions;

/** Damaged EASE model files fail with a clear ModelFileException. */
class EaseModelFileDamageTest extends ModelFileDamageContractTest {

  @Override
  protected BackendProvider provider() {
    return new EaseBackendProvider();
  }

  @Override
  protected Model trainSmallModel() {
    return new EaseTrainer().train(EaseTrainerTest.tiny(), TrainingConfig.defaults());
  }

  @Override
  protected RuntimeOptions runtimeOptions() {
    return RuntimeOptions.of(TrainingConfig.defaults());
  }
}
