package org.movierec.backend.baseline;

import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.ModelFileDamageContractTest;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.RuntimeOptions;

/** Damaged baseline model files fail with a clear ModelFileException. */
class BaselineModelFileDamageTest extends ModelFileDamageContractTest {

  @Override
  protected BackendProvider provider() {
    return new BaselineBackendProvider();
  }

  @Override
  protected Model trainSmallModel() {
    return new BaselineTrainer().train(BaselineTrainerTest.tiny(), TrainingConfig.defaults());
  }

  @Override
  protected RuntimeOptions runtimeOptions() {
    return RuntimeOptions.of(TrainingConfig.defaults());
  }
}
