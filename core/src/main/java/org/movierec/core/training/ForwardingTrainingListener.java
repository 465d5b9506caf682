package org.movierec.core.training;

import java.util.Objects;
import org.movierec.core.model.Model;

/**
 * A listener that passes every event and question on to another; subclasses override what they add
 * to, such as {@link TrainingControl}'s stop request.
 */
public class ForwardingTrainingListener implements TrainingListener {

  private final TrainingListener delegate;

  /** A listener that forwards to {@code delegate}. */
  public ForwardingTrainingListener(TrainingListener delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public void onTrainingStart(TrainingStart start) {
    delegate.onTrainingStart(start);
  }

  @Override
  public void onBatchEnd(int epoch, int batch, int batches, double loss) {
    delegate.onBatchEnd(epoch, batch, batches, loss);
  }

  @Override
  public void onEpochEnd(EpochReport report) {
    delegate.onEpochEnd(report);
  }

  @Override
  public void onTrainingEnd(TrainingSummary summary) {
    delegate.onTrainingEnd(summary);
  }

  @Override
  public boolean stopRequested() {
    return delegate.stopRequested();
  }

  @Override
  public void onCheckpoint(int epoch, Model model) {
    delegate.onCheckpoint(epoch, model);
  }
}
