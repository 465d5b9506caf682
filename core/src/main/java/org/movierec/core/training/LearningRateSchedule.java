package org.movierec.core.training;

/** How the learning rate changes over epochs. */
public enum LearningRateSchedule {
  /** The same rate every epoch, as the seed recipe. */
  CONSTANT,
  /** Multiplied by {@code lr_decay_factor} every {@code lr_decay_epochs} epochs. */
  STEP,
  /** Cosine decay from the initial rate to zero over all epochs. */
  COSINE;

  /** The learning rate for a zero-based epoch. */
  public double rateFor(double initial, int epoch, int epochs, double factor, int stepEpochs) {
    return switch (this) {
      case CONSTANT -> initial;
      case STEP -> initial * Math.pow(factor, epoch / stepEpochs);
      case COSINE -> initial * 0.5 * (1 + Math.cos(Math.PI * epoch / Math.max(1, epochs)));
    };
  }
}
