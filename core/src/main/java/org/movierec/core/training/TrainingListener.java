package org.movierec.core.training;

import org.movierec.core.model.Model;

/**
 * Receives progress while a trainer runs and may ask it to stop; every method has a default that
 * ignores the event.
 */
public interface TrainingListener {

  /** A listener that ignores everything. */
  TrainingListener NONE = new TrainingListener() {};

  /** Training is about to start. */
  default void onTrainingStart(TrainingStart start) {}

  /** A batch finished; called often, so keep it cheap. */
  default void onBatchEnd(int epoch, int batch, int batches, double loss) {}

  /** An epoch finished. */
  default void onEpochEnd(EpochReport report) {}

  /** Training finished normally. */
  default void onTrainingEnd(TrainingSummary summary) {}

  /**
   * Asked by the trainer before every batch; {@code true} makes it stop there and throw a {@link
   * TrainingStoppedException} saying where, without reporting an end. Called often and possibly
   * while another thread requests the stop, so answer from a volatile field; see {@link
   * TrainingControl}.
   */
  default boolean stopRequested() {
    return false;
  }

  /**
   * A checkpoint, offered after every {@code checkpoint_every} epochs except the last planned one:
   * the model as training would return it if it ended now (under early stopping, the best epoch's).
   * The model is valid only during this call: save it, do not keep it.
   *
   * @param epoch the one-based epoch just finished
   * @param model the model as of that epoch
   */
  default void onCheckpoint(int epoch, Model model) {}

  /**
   * What a trainer announces before its first batch.
   *
   * @param backend the backend name
   * @param engine the compute engine and version, e.g. {@code PyTorch 1.13.1}
   * @param device the device in use, e.g. {@code cpu()}
   * @param trainRatings the number of training ratings
   * @param validationRatings the number of validation ratings
   * @param epochs the planned epochs
   * @param batchesPerEpoch batches in each epoch
   */
  record TrainingStart(
      String backend,
      String engine,
      String device,
      int trainRatings,
      int validationRatings,
      int epochs,
      int batchesPerEpoch) {}
}
