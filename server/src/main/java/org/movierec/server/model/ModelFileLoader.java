package org.movierec.server.model;

import org.movierec.core.config.TrainingConfig;
import org.movierec.core.file.ModelFile;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.spi.RuntimeOptions;

/** Turns a verified model file into a model, normally with the backend that wrote it. */
@FunctionalInterface
public interface ModelFileLoader {

  /**
   * Loads a model; the caller closes it.
   *
   * @throws org.movierec.core.file.ModelFileException when the file's sections are broken or its
   *     backend is missing
   */
  Model load(ModelFile file);

  /** Loads with the backend that wrote the file, found in the registry, under these options. */
  static ModelFileLoader of(BackendRegistry registry, RuntimeOptions options) {
    return file -> registry.load(file, options);
  }

  /** Loads with the backends on the class path under the default runtime options. */
  static ModelFileLoader discover() {
    return of(BackendRegistry.discover(), RuntimeOptions.of(TrainingConfig.defaults()));
  }
}
