package org.movierec.backend.baseline;

import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.RecommendationsMl100kContractTest;
import org.movierec.core.spi.BackendProvider;

/** The bias baseline's lists on ml-100k u1, with its default regularization. */
class BaselineRecommendationsMl100kTest extends RecommendationsMl100kContractTest {

  @Override
  protected BackendProvider provider() {
    return new BaselineBackendProvider();
  }

  @Override
  protected TrainingConfig config() {
    return TrainingConfig.builder().set("backend", BaselineBackendProvider.NAME).build();
  }
}
