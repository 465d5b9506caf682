package org.movierec.server.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The model files a server answers from: one model file, or a model file that orders lists paired
 * with a rating model file that predicts the stars ({@link org.movierec.core.pair.PairedModel}).
 *
 * @param model the file whose model orders lists, and predicts ratings when it is alone
 * @param ratingModel the file whose model predicts ratings, when another file's does
 */
public record ModelFiles(Path model, Optional<Path> ratingModel) {

  /** Rejects missing parts and a file paired with itself. */
  public ModelFiles {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(ratingModel, "ratingModel");
    if (ratingModel.isPresent()
        && ratingModel
            .get()
            .toAbsolutePath()
            .normalize()
            .equals(model.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException(
          model.getFileName()
              + " is named both as the model and as the rating model; name the file that predicts"
              + " ratings as the rating model, or leave it out");
    }
  }

  /** One model file that answers everything. */
  public static ModelFiles of(Path model) {
    return new ModelFiles(model, Optional.empty());
  }

  /** A model file that orders lists and a rating model file that predicts ratings. */
  public static ModelFiles pair(Path model, Path ratingModel) {
    return new ModelFiles(model, Optional.of(ratingModel));
  }

  /** Tells whether two files answer, one for lists and one for ratings. */
  public boolean paired() {
    return ratingModel.isPresent();
  }

  /** The files as people read them: {@code rank.mrec} or {@code rank.mrec + tuned.mrec}. */
  @Override
  public String toString() {
    return model + ratingModel.map(file -> " (lists) + " + file + " (ratings)").orElse("");
  }
}
