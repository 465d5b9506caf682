package org.movierec.backend.djl;

import org.movierec.core.config.TrainingConfig;
import org.movierec.model.NetworkSpecs;

/**
 * The model contract for a network trained on the residual of the bias estimate ({@code
 * output_offset = biases}) by a network with the embedding dot product, with lazy embedding
 * updates: its scores add the dot product and the biases after the dense layers, on every path.
 */
class DjlOffsetModelContractTest extends DjlModelContractTest {

  @Override
  protected TrainingConfig config() {
    return super.config().toBuilder()
        .set("network", NetworkSpecs.SEED_RESIDUAL_DOT)
        .set("output_offset", "biases")
        .set("embedding_optimizer", "lazy")
        .build();
  }
}
