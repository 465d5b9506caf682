package org.movierec.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.training.LossKind;

/**
 * One optimizer step on a batch, and what the training loop reads between steps: the two ways of
 * training the embedding tables ({@code embedding_optimizer}) on the engine, and the JVM step that
 * does either in plain Java ({@code training_step}), behind one contract.
 */
interface DjlTrainingStep extends AutoCloseable {

  /**
   * The step the configuration asks for, over initial parameters, with its engine state under
   * {@code root} and its JVM-side work on {@code pipeline}.
   */
  static DjlTrainingStep create(
      NDManager root, DjlParameters initial, TrainingConfig config, DjlPipeline pipeline) {
    return create(root, initial, config, pipeline, null);
  }

  /**
   * The step the configuration asks for: the JVM step where {@link DjlStepChoice} picks it for the
   * device of {@code root}, else the engine's, with {@code embedding_optimizer = auto} resolved for
   * the initial parameters' tables; {@code history} holds the rated movies of the ratings fitted
   * when the network has a user history (only lazy training, which keeps the tables on the JVM,
   * forms such users), else null.
   */
  static DjlTrainingStep create(
      NDManager root,
      DjlParameters initial,
      TrainingConfig config,
      DjlPipeline pipeline,
      DjlHistory history) {
    DjlStepChoice choice =
        DjlStepChoice.of(config, initial.layout().spec(), root.getDevice().isGpu());
    choice.log(config);
    if (choice.jvm()) {
      return new DjlJvmStep(initial, config, pipeline);
    }
    return switch (DjlTrainer.embeddingOptimizer(config, initial.layout())) {
      case LAZY -> new DjlLazyStep(root, initial, config, pipeline, history);
      default -> new DjlDenseStep(root, initial, config, pipeline);
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

  /**
   * The current parameters, which may share the step's live arrays: read them only between steps,
   * and do not keep them.
   */
  default DjlParameters current() {
    return snapshot();
  }

  @Override
  void close();

  /**
   * A batch's loss and what a backward pass starts from.
   *
   * @param value the loss: mean squared error, or its square root
   * @param backwardTarget a scalar whose gradient with respect to the predictions is the loss's
   */
  record Objective(float value, NDArray backwardTarget) {}

  /**
   * The training objective of a batch, mean squared error or its square root, computed on the JVM
   * from the predictions: its gradient {@code g} with respect to each prediction ({@code 2(p -
   * r)/n}, or {@code (p - r)/(n * rmse)}) enters the engine as a constant, and the backward pass
   * starts from {@code sum(p * g)}, whose gradient is {@code g}. Two engine operations and two
   * backward nodes, where computing the loss on the engine takes four of each (difference, square,
   * mean, square root) for the same mathematics. Where the RMSE is zero its gradient is taken as
   * zero.
   *
   * @param predicted the predictions {@code [n, 1]}
   * @param ratings what the predictions are to match, the first {@code n} of them: the batch's
   *     ratings, less the output offset under {@code output_offset = biases}
   */
  static Objective objective(NDArray predicted, float[] ratings, LossKind loss) {
    float[] p = predicted.toFloatArray();
    float[] gradient = new float[p.length];
    double value = DjlLoss.rating(p, p.length, ratings, loss, gradient);
    NDArray constant = predicted.getManager().create(gradient, predicted.getShape());
    return new Objective((float) value, predicted.mul(constant).sum());
  }
}
