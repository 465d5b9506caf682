package org.movierec.backend.djl;

import org.movierec.core.config.TrainingConfig;
import org.movierec.model.NetworkSpecs;

/**
 * The model contract for a network trained to rank ({@code objective = ranking}) with users formed
 * from their history: lists by the ranking logit, predictions from the bias estimate, fold-in from
 * the ratings at once.
 */
class DjlRankingModelContractTest extends DjlModelContractTest {

  @Override
  protected TrainingConfig config() {
    return super.config().toBuilder()
        .set("objective", "ranking")
        .set("network", NetworkSpecs.SEED_RANK)
        .set("negatives", "3")
        .build();
  }
}
