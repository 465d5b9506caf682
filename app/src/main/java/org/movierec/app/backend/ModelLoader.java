package org.movierec.app.backend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.movierec.core.file.ModelFile;
import org.movierec.core.model.Model;
import org.movierec.core.pair.PairedModel;
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
   * Loads a model, or with a rating model file the pair of models that answers lists with the one
   * and predicted ratings with the other ({@link PairedModel}); the caller closes it. Nothing stays
   * open when either file fails to load or the two do not match.
   *
   * @throws org.movierec.core.file.ModelFileException when a file is damaged or foreign
   * @throws IllegalArgumentException naming both files when their models know other users or movies
   * @throws IOException when a file cannot be read
   */
  public Model load(Path file, Optional<Path> ratingFile) throws IOException {
    Model model = load(file);
    if (ratingFile.isEmpty()) {
      return model;
    }
    try {
      Model rating = load(ratingFile.get());
      try {
        return PairedModel.builder()
            .setRankingModel(model, file.toString())
            .setRatingModel(rating, ratingFile.get().toString())
            .build();
      } catch (RuntimeException e) {
        rating.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
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
