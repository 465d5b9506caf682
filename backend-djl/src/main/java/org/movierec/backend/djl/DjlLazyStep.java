package org.movierec.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.training.LossKind;
import org.movierec.core.training.OptimizerKind;

/**
 * Lazy training of the embedding tables ({@code embedding_optimizer = lazy}): the tables live in
 * JVM arrays ({@link DjlLazyTable}), only the dense layers on the engine. A step gathers the
 * batch's rows into the input matrix, lets the engine run the dense layers forward and backward
 * down to the gradient of that input, updates the dense layers with {@link DjlOptimizer}, and
 * updates the touched rows on the JVM. No step reads or writes a row its batch does not touch, so
 * its cost grows with the batch, not with the number of users and movies.
 */
final class DjlLazyStep implements DjlTrainingStep {

  private final DjlLayout layout;
  private final DjlNetwork layers;
  private final DjlOptimizer optimizer;
  private final DjlLazyTable users;
  private final DjlLazyTable movies;
  private final LossKind loss;
  private final double decay;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final int width;
  private float[] input = new float[0];

  /** Tables copied from the initial parameters, and the dense layers on the engine under root. */
  DjlLazyStep(NDManager root, DjlParameters initial, TrainingConfig config) {
    this.layout = initial.layout();
    boolean adam = config.optimizer() == OptimizerKind.ADAM;
    this.users = table(initial, layout.userEmbedding(), adam);
    this.movies = table(initial, layout.movieEmbedding(), adam);
    this.layers = DjlNetwork.createLayers(root, initial);
    try {
      this.optimizer = new DjlOptimizer(layers, config);
    } catch (RuntimeException e) {
      layers.close();
      throw e;
    }
    this.loss = config.loss();
    this.decay = config.embeddingWeightDecay();
    this.beta1 = config.get(Keys.ADAM_BETA1);
    this.beta2 = config.get(Keys.ADAM_BETA2);
    this.epsilon = config.get(Keys.ADAM_EPSILON);
    this.width = layout.spec().inputWidth();
  }

  private static DjlLazyTable table(DjlParameters initial, int slot, boolean adam) {
    int[] shape = initial.layout().slot(slot).shape();
    return new DjlLazyTable(shape[0], shape[1], initial.get(slot).values().clone(), adam);
  }

  @Override
  public GradientCollector newGradientCollector() {
    return layers.manager().getEngine().newGradientCollector();
  }

  @Override
  public float train(GradientCollector collector, DjlBatch batch, double learningRate) {
    int length = batch.size();
    if (input.length < length * width) {
      input = new float[length * width];
    }
    users.gather(batch.users(), length, input, width, 0);
    movies.gather(batch.movies(), length, input, width, users.dim());
    float[] gradient;
    float value;
    try (NDManager scope = layers.manager().newSubManager()) {
      NDArray x =
          scope.create(
              FloatBuffer.wrap(input, 0, length * width),
              new Shape(length, width),
              DataType.FLOAT32);
      x.setRequiresGradient(true);
      NDArray r =
          scope.create(
              FloatBuffer.wrap(batch.ratings(), 0, length), new Shape(length, 1), DataType.FLOAT32);
      NDArray objective = DjlTrainingStep.objective(layers.forwardLayers(x), r, loss);
      value = objective.getFloat();
      if (!Float.isFinite(value)) {
        return value;
      }
      collector.backward(objective);
      gradient = x.getGradient().toFloatArray();
      optimizer.step(learningRate);
    }
    DjlLazyTable.Step step =
        new DjlLazyTable.Step(learningRate, decay, beta1, beta2, epsilon, optimizer.steps());
    users.update(batch.users(), length, gradient, width, 0, step);
    movies.update(batch.movies(), length, gradient, width, users.dim(), step);
    return value;
  }

  @Override
  public float[] predict(int[] userIndices, int[] movieIndices) {
    float[] out = new float[userIndices.length];
    new DjlScorer(layout.spec(), parameters(false))
        .score(userIndices, movieIndices, userIndices.length, out);
    return out;
  }

  @Override
  public DjlParameters snapshot() {
    return parameters(true);
  }

  /** The current parameters; the tables' live arrays unless {@code copy}. */
  private DjlParameters parameters(boolean copy) {
    List<DjlParameters.Tensor> tensors = new ArrayList<>(layout.size());
    for (int slot = 0; slot < layout.size(); slot++) {
      DjlLayout.Slot shape = layout.slot(slot);
      float[] values;
      if (slot == layout.userEmbedding()) {
        values = copy ? users.values().clone() : users.values();
      } else if (slot == layout.movieEmbedding()) {
        values = copy ? movies.values().clone() : movies.values();
      } else {
        values = layers.parameter(slot).toFloatArray();
      }
      tensors.add(new DjlParameters.Tensor(shape.name(), shape.shape(), values));
    }
    return new DjlParameters(layout, tensors);
  }

  @Override
  public void close() {
    try {
      optimizer.close();
    } finally {
      layers.close();
    }
  }
}
