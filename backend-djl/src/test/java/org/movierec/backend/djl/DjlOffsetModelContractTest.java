package org.movierec.backend.djl;

import org.movierec.core.config.TrainingConfig;
import org.movierec.core.contract.ModelContractTest;
import org.movierec.core.spi.BackendProvider;
import org.movierec.model.NetworkSpecs;

/**
 * The model contract for a network trained on the residual of the bias estimate ({@code
 * output_offset = biases}) with lazy embedding updates: its scores add the biases after the
 * network, on every path.
 */
class DjlOffsetModelContractTest extends ModelContractTest {

  @Override
  protected BackendProvider provider() {
    return new DjlBackendProvider();
  }

  @Override
  protected TrainingConfig config() {
    return TrainingConfig.builder()
        .set("backend", DjlBackendProvider.NAME)
        .set("network", NetworkSpecs.SEED_RESIDUAL)
        .set("output_offset", "biases")
        .set("embedding_optimizer", "lazy")
        .set("epochs", "30")
        .set("batch_size", "64")
        .set("learning_rate", "0.01")
        .build();
  }
}
