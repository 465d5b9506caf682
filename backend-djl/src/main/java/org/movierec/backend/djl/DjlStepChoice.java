package org.movierec.backend.djl;

import org.movierec.core.config.ConfigException;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.training.TrainingStepKind;
import org.movierec.model.NetworkSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which training step runs a network ({@code training_step}): the JVM step ({@link DjlJvmStep})
 * where it covers the network and the device is the CPU, else the engine's. {@code auto} takes the
 * JVM step wherever it may: on the CPU it measured faster than the engine for the networks it
 * covers (BENCHMARKS.md, "JVM training step"); a GPU always trains on the engine.
 *
 * @param jvm whether the JVM step runs
 * @param reason why the engine's step runs when the JVM step was asked for or allowed; empty when
 *     the JVM step runs or {@code engine} was asked for
 */
record DjlStepChoice(boolean jvm, String reason) {

  private static final Logger LOG = LoggerFactory.getLogger(DjlStepChoice.class);

  /**
   * The step for a network under a configuration on a device.
   *
   * @param gpu whether training runs on a GPU
   * @throws ConfigException when {@code training_step = jvm} is asked for on a GPU
   */
  static DjlStepChoice of(TrainingConfig config, NetworkSpec spec, boolean gpu) {
    TrainingStepKind kind = config.get(Keys.TRAINING_STEP);
    if (kind == TrainingStepKind.ENGINE) {
      return new DjlStepChoice(false, "");
    }
    if (gpu) {
      if (kind == TrainingStepKind.JVM) {
        throw new ConfigException(
            "training_step=jvm computes on the CPU, but device="
                + config.get(Keys.DEVICE)
                + " trains on a GPU; set training_step=auto or engine to train on the GPU, or"
                + " device=cpu to train on the JVM");
      }
      return new DjlStepChoice(false, "the device is a GPU, which only the engine uses");
    }
    String unsupported = DjlJvmStep.unsupported(spec, config);
    if (unsupported != null) {
      return new DjlStepChoice(false, "the JVM step does not cover " + unsupported);
    }
    return new DjlStepChoice(true, "");
  }

  /**
   * Says why the engine's step runs where the JVM step was allowed (at debug level) or asked for by
   * name (as a warning: the user's setting was not followed).
   */
  void log(TrainingConfig config) {
    if (reason.isEmpty()) {
      return;
    }
    TrainingStepKind kind = config.get(Keys.TRAINING_STEP);
    String message = "training_step={}: training on the engine, since {}";
    String name = kind.name().toLowerCase(java.util.Locale.ROOT);
    if (kind == TrainingStepKind.JVM) {
      LOG.warn(message, name, reason);
    } else {
      LOG.debug(message, name, reason);
    }
  }

  /** The step's name for the log: {@code jvm} or {@code engine}. */
  String describe() {
    return jvm ? "jvm" : "engine";
  }
}
