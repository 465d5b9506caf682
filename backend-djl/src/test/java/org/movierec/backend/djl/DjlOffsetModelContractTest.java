package org.movierec.backend.djl;

import org.movierec.core.config.TrainingConfig;
import org.movierec.model.NetworkSpecs;

/**
 * The model contract for a network trained on the residual of the bias estimate ({@code
 * output_offset = biases}) with lazy embedding updates: its scores add the biases after the
 * network, on every path.
 */
class DjlOffsetModelContractTest extends DjlModelContractTest {

  @Override
  protected TrainingConfig config() {
    return super.config().toBuilder()
        .set("network", NetworkSpecs.SEED_RESIDUAL)
        .set("output_offset", "biases")
        .set("embedding_optimizer", "lazy")
        .build();
  }
}
