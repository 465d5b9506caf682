package org.movierec.core.training;

/**
 * Training stopped because its listener asked it to, e.g. after Ctrl-C: thrown by the trainer
 * before the batch it did not run, so the message and accessors say exactly where it stopped.
 */
public class TrainingStoppedException extends TrainingException {

  private final int epoch;
  private final int batch;

  private TrainingStoppedException(String message, int epoch, int batch) {
    super(message);
    this.epoch = epoch;
    this.batch = batch;
  }

  /**
   * A stop before a batch.
   *
   * @param epoch the one-based epoch the batch belongs to
   * @param epochs the planned epochs
   * @param batch the one-based batch that did not run
   * @param batches the batches in an epoch
   */
  public static TrainingStoppedException beforeBatch(
      int epoch, int epochs, int batch, int batches) {
    String where;
    if (epoch == 1 && batch == 1) {
      where = "before its first batch";
    } else if (batch == 1) {
      where = "after epoch " + (epoch - 1) + " of " + epochs;
    } else {
      where =
          "in epoch "
              + epoch
              + " of "
              + epochs
              + " after batch "
              + (batch - 1)
              + " of "
              + batches
              + "; the unfinished epoch is discarded";
    }
    return new TrainingStoppedException("training stopped on request " + where, epoch, batch);
  }

  /** The same stop with more detail, such as what the caller kept, appended to the message. */
  public TrainingStoppedException withDetail(String detail) {
    return new TrainingStoppedException(getMessage() + "; " + detail, epoch, batch);
  }

  /** The one-based epoch in which training stopped. */
  public int epoch() {
    return epoch;
  }

  /** The one-based batch that did not run. */
  public int batch() {
    return batch;
  }

  /** The epochs that ran to their end. */
  public int completedEpochs() {
    return epoch - 1;
  }
}
