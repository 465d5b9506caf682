package org.movierec.core.model;

import java.util.Map;
import java.util.Objects;
import org.movierec.core.training.TrainingSummary;

/**
 * What a trained model knows about how it was made; stored in its file so that a loaded model can
 * explain itself.
 *
 * @param backend the backend name, e.g. {@code djl}
 * @param engine the engine and version that trained it, e.g. {@code PyTorch 1.13.1}
 * @param architecture a human-readable description, e.g. the network spec as JSON
 * @param config the effective training configuration as key to text
 * @param summary what training measured
 */
public record ModelInfo(
    String backend,
    String engine,
    String architecture,
    Map<String, String> config,
    TrainingSummary summary) {

  /** Copies the configuration and rejects missing parts. */
  public ModelInfo {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(architecture, "architecture");
    config = Map.copyOf(config);
    Objects.requireNonNull(summary, "summary");
  }
}
