package org.movierec.core.training;

import java.util.List;

/**
 * What a whole training run measured; travels inside the model file.
 *
 * @param epochsRun how many epochs ran (fewer than planned when early stopping fired)
 * @param bestEpoch the one-based epoch whose parameters the model keeps
 * @param trainSeconds wall time of the training loops, without data loading or evaluation
 * @param samplesProcessed training ratings processed over all epochs
 * @param history one report per epoch run
 */
public record TrainingSummary(
    int epochsRun,
    int bestEpoch,
    double trainSeconds,
    long samplesProcessed,
    List<EpochReport> history) {

  /** Copies the history. */
  public TrainingSummary {
    history = List.copyOf(history);
  }

  /** Training ratings processed per second of training-loop time. */
  public double samplesPerSecond() {
    return trainSeconds > 0 ? samplesProcessed / trainSeconds : 0;
  }

  /** The report of the kept epoch, if any epoch ran. */
  public java.util.Optional<EpochReport> bestReport() {
    return history.stream().filter(report -> report.epoch() == bestEpoch).findFirst();
  }
}
