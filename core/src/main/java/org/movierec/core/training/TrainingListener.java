package org.movierec.core.training;

/** Receives progress while a trainer runs; every method has an empty default. */
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
