package org.movierec.app.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.movierec.core.model.Model;
import org.movierec.core.training.ForwardingTrainingListener;
import org.movierec.core.training.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves every checkpoint a trainer offers to the run's model file, through the model's own atomic
 * save, so that an interrupted run leaves the last one behind.
 */
final class CheckpointWriter {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointWriter.class);

  private final Path modelFile;
  private volatile int savedEpoch;

  /** A writer of checkpoints to {@code modelFile}. */
  CheckpointWriter(Path modelFile) {
    this.modelFile = modelFile;
  }

  /** A listener that saves checkpoints and passes every event on to {@code delegate}. */
  TrainingListener around(TrainingListener delegate) {
    return new ForwardingTrainingListener(delegate) {
      @Override
      public void onCheckpoint(int epoch, Model model) {
        save(epoch, model);
        super.onCheckpoint(epoch, model);
      }
    };
  }

  private void save(int epoch, Model model) {
    try {
      model.save(modelFile);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the checkpoint of epoch " + epoch + " to " + modelFile, e);
    }
    savedEpoch = epoch;
    LOG.info("checkpoint after epoch {} saved to {}", epoch, modelFile);
  }

  /** What the model file holds now, for the message of an interrupted run. */
  String kept() {
    return savedEpoch > 0
        ? modelFile + " holds the checkpoint after epoch " + savedEpoch
        : "no checkpoint was written, so "
            + modelFile
            + " was not touched (set checkpoint_every=N to keep progress)";
  }
}
