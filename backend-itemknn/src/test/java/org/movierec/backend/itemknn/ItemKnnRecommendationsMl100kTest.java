package org.movierec.backend.itemknn;

import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.RecommendationsMl100kContractTest;
import org.movierec.core.spi.BackendProvider;

/** Item-kNN's lists on ml-100k u1, with its default neighbours. */
class ItemKnnRecommendationsMl100kTest extends RecommendationsMl100kContractTest {

  @Override
  protected BackendProvider provider() {
    return new ItemKnnBackendProvider();
  }

  @Override
  protected TrainingConfig config() {
    return TrainingConfig.builder().set("backend", ItemKnnBackendProvider.NAME).build();
  }
}
