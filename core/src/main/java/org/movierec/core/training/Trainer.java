package org.movierec.core.training;

import java.util.Optional;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.Model;

/** Fits a {@link Model} to ratings; each backend has one. */
public interface Trainer {

  /**
   * Trains a model.
   *
   * @param train the ratings to learn from; the model knows exactly the users and movies in them
   * @param validation ratings to measure after every epoch, for early stopping; when empty and
   *     {@code validation_fraction > 0}, the trainer holds that share of {@code train} out itself
   * @param config the hyper-parameters
   * @param listener receives progress
   * @throws TrainingException when training diverges or the engine fails
   */
  Model train(
      RatingDataset train,
      Optional<RatingDataset> validation,
      TrainingConfig config,
      TrainingListener listener);

  /** Trains without an explicit validation set and without progress reports. */
  default Model train(RatingDataset train, TrainingConfig config) {
    return train(train, Optional.empty(), config, TrainingListener.NONE);
  }
}
