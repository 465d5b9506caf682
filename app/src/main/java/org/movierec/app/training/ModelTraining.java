package org.movierec.app.training;

import com.google.inject.Provider;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.movierec.app.output.ProgressListener;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.training.TrainingListener;
import org.movierec.core.training.TrainingSummary;

/** Trains the configured backend on ratings, showing progress, and tells which device it used. */
public final class ModelTraining {

  private final BackendProvider backend;
  private final TrainingConfig config;
  private final Provider<ProgressListener> progress;

  ModelTraining(
      BackendProvider backend, TrainingConfig config, Provider<ProgressListener> progress) {
    this.backend = backend;
    this.config = config;
    this.progress = progress;
  }

  /**
   * A trained model and the device it was trained on.
   *
   * @param model the model; the caller closes it
   * @param device the device the trainer announced, e.g. {@code cpu()}
   */
  public record Trained(Model model, String device) {}

  /** Trains a model; the caller closes it. */
  public Trained train(RatingDataset train) {
    return train(train, UnaryOperator.identity());
  }

  /**
   * Trains a model with more listening wrapped around the progress display, such as checkpoints and
   * stop requests; the caller closes the model.
   */
  public Trained train(RatingDataset train, UnaryOperator<TrainingListener> around) {
    DeviceRecorder recorder = new DeviceRecorder(progress.get());
    Model model =
        backend.newTrainer().train(train, Optional.empty(), config, around.apply(recorder));
    return new Trained(model, recorder.device);
  }

  /** Passes events on and remembers the device from the start announcement. */
  private static final class DeviceRecorder implements TrainingListener {
    private final TrainingListener delegate;
    private String device = "unknown";

    DeviceRecorder(TrainingListener delegate) {
      this.delegate = delegate;
    }

    @Override
    public void onTrainingStart(TrainingStart start) {
      device = start.device();
      delegate.onTrainingStart(start);
    }

    @Override
    public void onBatchEnd(int epoch, int batch, int batches, double loss) {
      delegate.onBatchEnd(epoch, batch, batches, loss);
    }

    @Override
    public void onEpochEnd(org.movierec.core.training.EpochReport report) {
      delegate.onEpochEnd(report);
    }

    @Override
    public void onTrainingEnd(TrainingSummary summary) {
      delegate.onTrainingEnd(summary);
    }
  }
}
