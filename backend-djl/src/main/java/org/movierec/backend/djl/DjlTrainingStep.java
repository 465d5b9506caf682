package org.movierec.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.training.LossKind;

/**
 * One optimizer step on a batch, and what the training loop reads between steps: the two ways of
 * training the embedding tables ({@code embedding_optimizer}) behind one contract.
 */
interface DjlTrainingStep extends AutoCloseable {

  /**
   * The step the configuration asks for, over initial parameters, with its engine state under
   * {@code root} and its JVM-side work on {@code pipeline}.
   */
  static DjlTrainingStep create(
      NDManager root, DjlParameters initial, TrainingConfig config, DjlPipeline pipeline) {
    return switch (config.embeddingOptimizer()) {
      case DENSE -> new DjlDenseStep(root, initial, config, pipeline);
      case LAZY -> new DjlLazyStep(root, initial, config, pipeline);
    };
  }

  /** Where the step and the loop run their JVM-side work. */
  DjlPipeline pipeline();

  /** A gradient collector of the step's engine; one spans an epoch. */
  GradientCollector newGradientCollector();

  /**
   * Forward, loss, backward and update for one batch. A non-finite loss is returned before any
   * update is applied.
   *
   * @param next the batch that comes next, which a task submitted to the {@link #pipeline()} before
   *     this call fills (so the step's own later tasks see it filled); {@code null} after the
   *     epoch's last batch
   * @return the batch's loss
   */
  float train(GradientCollector collector, DjlBatch batch, DjlBatch next, double learningRate);

  /** Predictions for pairs of dense indices from the current parameters, before clipping. */
  float[] predict(int[] users, int[] movies);

  /** A copy of the current parameters. */
  DjlParameters snapshot();

  @Override
  void close();

  /** The training objective of a batch: mean squared error, or its square root. */
  static NDArray objective(NDArray predicted, NDArray ratings, LossKind loss) {
    NDArray meanSquare = predicted.sub(ratings).square().mean();
    return loss == LossKind.RMSE ? meanSquare.sqrt() : meanSquare;
  }
}
