package org.movierec.app.training;

import java.io.IOException;
import java.nio.file.Path;
import org.movierec.app.backend.ModelLoader;
import org.movierec.app.data.TrainTest;
import org.movierec.app.evaluation.BaselineReference;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.eval.RatingEvaluator;
import org.movierec.core.model.Model;
import org.movierec.core.training.TrainingControl;
import org.movierec.core.training.TrainingStoppedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The train command's work: train on the training part, save the model file, load it back from disk
 * (so what is measured is what was saved), and score it and the bias baseline on the test part.
 */
public final class TrainJob {

  private static final Logger LOG = LoggerFactory.getLogger(TrainJob.class);
  private static final int PROBE_PAIRS = 2000;

  private final ModelTraining training;
  private final ModelLoader loader;
  private final BaselineReference baseline;

  TrainJob(ModelTraining training, ModelLoader loader, BaselineReference baseline) {
    this.training = training;
    this.loader = loader;
    this.baseline = baseline;
  }

  /**
   * Runs the job; the caller closes the outcome.
   *
   * @throws IOException when the model file cannot be written or read back
   */
  public TrainOutcome run(TrainTest data, Path modelFile) throws IOException {
    return run(data, modelFile, new TrainingControl());
  }

  /**
   * Runs the job under a control another thread may use to stop training after its current batch;
   * with {@code checkpoint_every} set, the model file holds the last checkpoint meanwhile. The
   * caller closes the outcome.
   *
   * @throws TrainingStoppedException when a stop was requested, saying where training stopped and
   *     what the model file holds
   * @throws IOException when the model file cannot be written or read back
   */
  public TrainOutcome run(TrainTest data, Path modelFile, TrainingControl control)
      throws IOException {
    CheckpointWriter checkpoints = new CheckpointWriter(modelFile);
    ModelTraining.Trained trained;
    try {
      trained =
          training.train(data.train(), listener -> control.around(checkpoints.around(listener)));
    } catch (TrainingStoppedException stopped) {
      throw stopped.withDetail(checkpoints.kept());
    }
    try (Model model = trained.model()) {
      model.save(modelFile);
    }
    Model loaded = loader.load(modelFile);
    try {
      boolean stuck = isConstant(loaded, data.test());
      return new TrainOutcome(
          loaded,
          trained.device(),
          modelFile,
          data.train().size(),
          RatingEvaluator.evaluate(loaded, data.test()),
          baseline.testRmse(data.train(), data.test()),
          stuck);
    } catch (RuntimeException e) {
      loaded.close();
      throw e;
    }
  }

  /**
   * Tells, and warns, when the model answers every probed test pair alike: a network whose last
   * ReLU died at initialization does that, and no later epoch can revive it.
   */
  private static boolean isConstant(Model model, RatingDataset test) {
    int n = Math.min(PROBE_PAIRS, test.size());
    if (n < 2) {
      return false;
    }
    int[] users = new int[n];
    int[] movies = new int[n];
    for (int row = 0; row < n; row++) {
      users[row] = test.rawUserId(row);
      movies[row] = test.rawMovieId(row);
    }
    float[] predicted = model.predict(users, movies);
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float value : predicted) {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    boolean constant = max - min < 1e-4f;
    if (constant) {
      LOG.warn(
          "the model predicts {} for all of {} test pairs: its output is stuck, as when the last"
              + " ReLU dies at initialization; train again with another seed (--seed N)",
          min,
          n);
    }
    return constant;
  }
}
