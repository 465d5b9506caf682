package org.movierec.core.training;

/**
 * What one finished epoch measured, handed to {@link TrainingListener#onEpochEnd}.
 *
 * @param epoch the one-based epoch number
 * @param epochs the number of epochs planned
 * @param trainLoss the mean batch loss over the epoch
 * @param validationRmse the RMSE on the validation ratings, {@code NaN} without validation
 * @param learningRate the learning rate used in this epoch
 * @param samples the training ratings processed in this epoch
 * @param epochSeconds the wall time of this epoch's training loop
 * @param elapsedSeconds the wall time since training started
 * @param etaSeconds the estimated time until the planned last epoch ends
 * @param validationNdcg the NDCG@10 of lists against the validation ratings (relevant = 4 stars or
 *     more), measured by a model with a ranking objective; {@code NaN} otherwise
 */
public record EpochReport(
    int epoch,
    int epochs,
    double trainLoss,
    double validationRmse,
    double learningRate,
    long samples,
    double epochSeconds,
    double elapsedSeconds,
    double etaSeconds,
    double validationNdcg) {

  /** A report without a validation NDCG, as a model trained to predict ratings measures. */
  public EpochReport(
      int epoch,
      int epochs,
      double trainLoss,
      double validationRmse,
      double learningRate,
      long samples,
      double epochSeconds,
      double elapsedSeconds,
      double etaSeconds) {
    this(
        epoch,
        epochs,
        trainLoss,
        validationRmse,
        learningRate,
        samples,
        epochSeconds,
        elapsedSeconds,
        etaSeconds,
        Double.NaN);
  }

  /** Training ratings processed per second of this epoch's training loop. */
  public double samplesPerSecond() {
    return epochSeconds > 0 ? samples / epochSeconds : 0;
  }

  /** Tells whether a validation RMSE was measured. */
  public boolean hasValidation() {
    return !Double.isNaN(validationRmse);
  }

  /** Tells whether a validation NDCG was measured. */
  public boolean hasValidationNdcg() {
    return !Double.isNaN(validationNdcg);
  }
}
