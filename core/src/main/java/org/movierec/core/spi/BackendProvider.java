package org.movierec.core.spi;

import org.movierec.core.file.ModelFile;
import org.movierec.core.model.Model;
import org.movierec.core.training.Trainer;

/**
 * How a backend announces itself: a name that configurations refer to ({@code backend = djl}), a
 * trainer, and a loader for the model files it writes. Listed in {@code
 * META-INF/services/org.movierec.core.spi.BackendProvider}.
 */
public interface BackendProvider {

  /** The name used in configuration and written into model files, e.g. {@code djl}. */
  String name();

  /** One line saying what this backend is. */
  String description();

  /** A new trainer. */
  Trainer newTrainer();

  /**
   * Loads a model from a file this backend wrote.
   *
   * @throws org.movierec.core.file.ModelFileException when its sections are missing or broken
   */
  Model load(ModelFile file, RuntimeOptions options);
}
