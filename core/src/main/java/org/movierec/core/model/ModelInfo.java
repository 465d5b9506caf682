package org.movierec.core.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * @param provenance what it was trained on and when; null in files written before it was recorded
 */
public record ModelInfo(
    String backend,
    String engine,
    String architecture,
    Map<String, String> config,
    TrainingSummary summary,
    Provenance provenance) {

  /** Copies the configuration and rejects missing parts; provenance may be absent. */
  public ModelInfo {
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(architecture, "architecture");
    config = Map.copyOf(config);
    Objects.requireNonNull(summary, "summary");
  }

  /** Information without provenance yet; {@link TrainedState#of} adds it from the input. */
  public ModelInfo(
      String backend,
      String engine,
      String architecture,
      Map<String, String> config,
      TrainingSummary summary) {
    this(backend, engine, architecture, config, summary, null);
  }

  /** What it was trained on and when, when the file recorded it. */
  public Optional<Provenance> trainedFrom() {
    return Optional.ofNullable(provenance);
  }

  /** The same information with this provenance. */
  public ModelInfo withProvenance(Provenance newProvenance) {
    return new ModelInfo(backend, engine, architecture, config, summary, newProvenance);
  }
}
