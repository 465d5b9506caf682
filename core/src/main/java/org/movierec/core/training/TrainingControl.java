package org.movierec.core.training;

/**
 * Lets another thread, such as a shutdown hook on Ctrl-C, stop a running trainer after its current
 * batch: wrap the run's listener with {@link #around} and call {@link #requestStop}. Thread-safe.
 */
public final class TrainingControl {

  private volatile boolean stopRequested;

  /** A control with no stop requested. */
  public TrainingControl() {}

  /** Asks the trainer to stop before its next batch; later calls change nothing. */
  public void requestStop() {
    stopRequested = true;
  }

  /** Tells whether a stop was requested. */
  public boolean stopRequested() {
    return stopRequested;
  }

  /**
   * A listener that passes every event on to {@code delegate} and answers {@link
   * TrainingListener#stopRequested} from this control or the delegate.
   */
  public TrainingListener around(TrainingListener delegate) {
    return new ForwardingTrainingListener(delegate) {
      @Override
      public boolean stopRequested() {
        return stopRequested || super.stopRequested();
      }
    };
  }
}
