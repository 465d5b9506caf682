package org.movierec.app.backend;

import java.io.IOException;
import java.nio.file.Path;
import org.movierec.core.file.ModelFile;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.spi.RuntimeOptions;

/** Loads a model file with the backend that wrote it, under the configured runtime options. */
public final class ModelLoader {

  private final BackendRegistry registry;
  private final RuntimeOptions options;

  ModelLoader(BackendRegistry registry, RuntimeOptions options) {
    this.registry = registry;
    this.options = options;
  }

  /**
   * Loads a model; the caller closes it.
   *
   * @throws org.movierec.core.file.ModelFileException when the file is damaged or foreign
   * @throws IOException when the file cannot be read
   */
  public Model load(Path file) throws IOException {
    return registry.load(file, options);
  }

  /**
   * Loads a model file already read and verified; the caller closes the model.
   *
   * @throws org.movierec.core.file.ModelFileException when its sections are broken or its backend
   *     is missing
   */
  public Model load(ModelFile file) {
    return registry.load(file, options);
  }
}
