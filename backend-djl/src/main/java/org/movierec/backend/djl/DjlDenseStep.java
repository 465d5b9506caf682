package org.movierec.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.IntBuffer;
import org.movierec.core.config.TrainingConfig;

/**
 * The whole network on the engine, embedding tables included, updated by {@link DjlOptimizer}:
 * every row of both tables every step, exactly as {@code torch.optim.Adam} over {@code
 * nn.Embedding} does ({@code embedding_optimizer = dense}, the seed recipe's).
 */
final class DjlDenseStep implements DjlTrainingStep {

  private final DjlNetwork network;
  private final DjlOptimizer optimizer;
  private final DjlLoss loss;
  private final DjlPipeline pipeline;

  /** A trainable copy of the initial parameters under {@code root}. */
  DjlDenseStep(NDManager root, DjlParameters initial, TrainingConfig config, DjlPipeline pipeline) {
    this.network = DjlNetwork.create(root, initial.layout().spec(), initial, true);
    try {
      this.optimizer = new DjlOptimizer(network, config);
    } catch (RuntimeException e) {
      network.close();
      throw e;
    }
    this.loss = DjlLoss.of(config);
    this.pipeline = pipeline;
  }

  @Override
  public DjlPipeline pipeline() {
    return pipeline;
  }

  @Override
  public GradientCollector newGradientCollector() {
    return network.newGradientCollector();
  }

  @Override
  public float train(
      GradientCollector collector, DjlBatch batch, DjlBatch next, double learningRate) {
    try (NDManager scope = network.manager().newSubManager()) {
      int length = batch.size();
      Shape shape = new Shape(length);
      NDArray u = scope.create(IntBuffer.wrap(batch.users(), 0, length), shape, DataType.INT32);
      NDArray m = scope.create(IntBuffer.wrap(batch.movies(), 0, length), shape, DataType.INT32);
      DjlTrainingStep.Objective objective = loss.compute(network.forward(u, m), batch);
      float value = objective.value();
      if (Float.isFinite(value)) {
        collector.backward(objective.backwardTarget());
        optimizer.step(learningRate);
      }
      return value;
    }
  }

  @Override
  public float[] predict(int[] users, int[] movies) {
    return network.predict(users, movies);
  }

  @Override
  public DjlParameters snapshot() {
    return network.snapshot();
  }

  @Override
  public void close() {
    try {
      optimizer.close();
    } finally {
      network.close();
    }
  }
}
