package org.movierec.backend.djl;

import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.RecommendationsMl100kContractTest;
import org.movierec.core.spi.BackendProvider;
import org.movierec.model.Presets;

/**
 * The network's lists on ml-100k u1, trained with the tuned recipe cut to 10 epochs: enough for
 * many users' best unseen movies to score above 5 stars, where only the raw score can order them.
 */
class DjlRecommendationsMl100kTest extends RecommendationsMl100kContractTest {

  @Override
  protected BackendProvider provider() {
    return new DjlBackendProvider();
  }

  @Override
  protected TrainingConfig config() {
    return TrainingConfig.builder().setAll(Presets.TUNED.settings()).set("epochs", "10").build();
  }

  @Override
  protected boolean expectsScoresAboveTheScale() {
    return true;
  }
}
