package org.movierec.backend.djl;

import org.movierec.core.config.TrainingConfig;
import org.movierec.model.NetworkSpecs;

/**
 * The model contract for a network with a rating output and a ranking head trained together ({@code
 * objective = joint}) on the residual of the biases: predictions from the rating head, lists by the
 * ranking head.
 */
class DjlJointModelContractTest extends DjlModelContractTest {

  @Override
  protected TrainingConfig config() {
    return super.config().toBuilder()
        .set("objective", "joint")
        .set("network", NetworkSpecs.SEED_JOINT)
        .set("output_offset", "biases")
        .set("negatives", "3")
        .build();
  }
}
