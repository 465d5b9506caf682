package org.movierec.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.training.EmbeddingOptimizer;
import org.movierec.core.training.TrainingObjective;
import org.movierec.model.NetworkSpec;

/**
 * A training step in plain Java ({@code training_step = jvm}): the embedding lookup, the dense
 * tower forward and backward ({@link DjlJvmTower}), the loss ({@link DjlLoss#gradient}) and the
 * optimizer update ({@link DjlJvmOptimizer}), with no engine call. On a small network an engine
 * step is mostly per-call overhead; here a step costs its arithmetic. The engine steps stay the
 * reference: the same mathematics, agreeing within float rounding ({@code DjlJvmStepParityTest}).
 *
 * <p>Both ways of training the tables: {@code dense} updates every row of both tables every step,
 * as {@link DjlDenseStep} does; {@code lazy} keeps them in {@link DjlLazyTable}s and, as {@link
 * DjlLazyStep} does, updates the touched rows and gathers the next batch on the {@link
 * DjlPipeline}'s thread while this one updates the dense layers and runs the next batch, with the
 * same results as one thread.
 */
final class DjlJvmStep implements DjlTrainingStep {

  private final DjlLayout layout;
  private final DjlJvmTower tower;
  private final DjlJvmOptimizer optimizer;
  private final DjlLoss loss;
  private final DjlPipeline pipeline;
  private final int width;
  private final int userDim;
  private final float layerDecay;
  private final float tableDecay;
  private final float[] towerFirst;
  private final float[] towerSecond;

  /** The tables under {@code lazy}, else null. */
  private final DjlLazyTable lazyUsers;

  private final DjlLazyTable lazyMovies;

  /** The tables under {@code dense}, else null: values, gradient and moments of each. */
  private final float[][] denseUsers;

  private final float[][] denseMovies;
  private final TrainingConfig config;

  /** Two input matrices, row-major: the step reads one while the next batch goes into the other. */
  private final float[][] inputs = {new float[0], new float[0]};

  private float[] inputGradient = new float[0];
  private float[] outputGradient = new float[0];
  private int current;

  /** Whether {@code inputs[current]} already holds the rows of the batch trained next. */
  private boolean gathered;

  /** The row updates still running after a step returned, or {@code null}. */
  private DjlPipeline.Pending unfinished;

  /**
   * A step over a copy of the initial parameters, its tables trained as {@code embedding_optimizer}
   * resolves for them.
   *
   * @throws IllegalArgumentException when {@link #unsupported} names a reason
   */
  DjlJvmStep(DjlParameters initial, TrainingConfig config, DjlPipeline pipeline) {
    String unsupported = unsupported(initial.layout().spec(), config);
    if (unsupported != null) {
      throw new IllegalArgumentException("the JVM training step cannot train this: " + unsupported);
    }
    this.layout = initial.layout();
    this.config = config;
    this.tower = new DjlJvmTower(initial);
    this.optimizer = new DjlJvmOptimizer(config);
    this.loss = DjlLoss.of(config);
    this.pipeline = pipeline;
    this.width = layout.spec().inputWidth();
    this.userDim = layout.spec().userEmbedding().dim();
    this.layerDecay = (float) config.weightDecay();
    this.tableDecay = (float) config.embeddingWeightDecay();
    int towerSize = tower.parameters().length;
    this.towerFirst = optimizer.adam() ? new float[towerSize] : null;
    this.towerSecond = optimizer.adam() ? new float[towerSize] : null;
    float[] users = initial.get(layout.userEmbedding()).values().clone();
    float[] movies = initial.get(layout.movieEmbedding()).values().clone();
    if (DjlTrainer.embeddingOptimizer(config, layout) == EmbeddingOptimizer.LAZY) {
      boolean adam = optimizer.adam();
      this.lazyUsers = new DjlLazyTable(layout.users(), userDim, users, adam);
      this.lazyMovies =
          new DjlLazyTable(layout.movies(), layout.spec().movieEmbedding().dim(), movies, adam);
      this.denseUsers = null;
      this.denseMovies = null;
    } else {
      this.lazyUsers = null;
      this.lazyMovies = null;
      this.denseUsers = denseTable(users, optimizer.adam());
      this.denseMovies = denseTable(movies, optimizer.adam());
    }
  }

  private static float[][] denseTable(float[] values, boolean adam) {
    int size = values.length;
    return adam
        ? new float[][] {values, new float[size], new float[size], new float[size]}
        : new float[][] {values, new float[size], null, null};
  }

  /**
   * Why the JVM step cannot train a network under a configuration, or null when it can: it covers
   * plain dense towers ({@link DjlJvmTower#unsupported}) under the rating or ranking objective,
   * with either optimizer and either way of updating the tables.
   */
  static String unsupported(NetworkSpec spec, TrainingConfig config) {
    String network = DjlJvmTower.unsupported(spec);
    if (network != null) {
      return "network '" + spec.name() + "': " + network;
    }
    if (config.objective() == TrainingObjective.JOINT) {
      return "objective=joint";
    }
    return null;
  }

  @Override
  public DjlPipeline pipeline() {
    return pipeline;
  }

  /** A collector that records nothing: this step computes its gradients itself. */
  @Override
  public GradientCollector newGradientCollector() {
    return new GradientCollector() {
      @Override
      public void backward(NDArray target) {
        throw new UnsupportedOperationException(
            "the JVM training step runs its own backward pass; it records no engine gradients");
      }

      @Override
      public void zeroGradients() {}

      @Override
      public void close() {}
    };
  }

  @Override
  public float train(
      GradientCollector collector, DjlBatch batch, DjlBatch next, double learningRate) {
    int n = batch.size();
    reserve(batch.capacity());
    float[] input = inputs[current];
    if (!gathered) {
      gather(batch, input);
    }
    float[] out = tower.forward(input, n);
    float value = (float) loss.gradient(out, n, batch, outputGradient);
    if (!Float.isFinite(value)) {
      return value;
    }
    tower.backward(input, outputGradient, n, inputGradient);
    optimizer.begin(learningRate);
    if (lazyUsers == null) {
      accumulate(batch.users(), n, denseUsers[1], userDim, 0);
      accumulate(batch.movies(), n, denseMovies[1], width - userDim, userDim);
      updateTower();
      update(denseUsers);
      update(denseMovies);
      return value;
    }
    DjlLazyTable.Step step =
        new DjlLazyTable.Step(
            learningRate,
            config.embeddingWeightDecay(),
            config.get(Keys.ADAM_BETA1),
            config.get(Keys.ADAM_BETA2),
            config.get(Keys.ADAM_EPSILON),
            optimizer.steps());
    float[] gradient = inputGradient;
    float[] nextInput = inputs[1 - current];
    DjlPipeline.Pending rows =
        pipeline.submit(
            () -> {
              lazyUsers.begin(batch.users(), n, gradient, width, 0, step);
              lazyMovies.begin(batch.movies(), n, gradient, width, userDim, step);
              if (next == null) {
                lazyUsers.finish();
                lazyMovies.finish();
              } else {
                lazyUsers.applyRows(next.users(), next.size());
                lazyMovies.applyRows(next.movies(), next.size());
                gather(next, nextInput);
              }
            });
    // As in DjlLazyStep: the rows the next batch does not read are updated while this thread runs
    // it; the helper runs tasks in order, so they are done before any later gather reads them.
    DjlPipeline.Pending rest =
        next == null
            ? null
            : pipeline.submit(
                () -> {
                  lazyUsers.finish();
                  lazyMovies.finish();
                });
    updateTower();
    rows.join();
    unfinished = rest;
    gathered = next != null;
    if (gathered) {
      current = 1 - current;
    }
    return value;
  }

  private void updateTower() {
    float[] values = tower.parameters();
    optimizer.update(values, tower.gradient(), towerFirst, towerSecond, values.length, layerDecay);
  }

  private void update(float[][] table) {
    optimizer.update(table[0], table[1], table[2], table[3], table[0].length, tableDecay);
  }

  /**
   * Adds the input gradient's columns {@code offset .. offset + dim} to the rows they belong to.
   */
  private void accumulate(int[] indices, int n, float[] table, int dim, int offset) {
    for (int p = 0; p < n; p++) {
      int from = p * width + offset;
      int to = indices[p] * dim;
      for (int k = 0; k < dim; k++) {
        table[to + k] += inputGradient[from + k];
      }
    }
  }

  /** Writes a batch's user and movie rows side by side into a row-major input matrix. */
  private void gather(DjlBatch batch, float[] input) {
    int n = batch.size();
    if (lazyUsers != null) {
      FloatBuffer x = FloatBuffer.wrap(input);
      lazyUsers.gather(batch.users(), n, x, width, 0);
      lazyMovies.gather(batch.movies(), n, x, width, userDim);
      return;
    }
    int movieDim = width - userDim;
    float[] users = denseUsers[0];
    float[] movies = denseMovies[0];
    int[] u = batch.users();
    int[] m = batch.movies();
    for (int p = 0; p < n; p++) {
      System.arraycopy(users, u[p] * userDim, input, p * width, userDim);
      System.arraycopy(movies, m[p] * movieDim, input, p * width + userDim, movieDim);
    }
  }

  /** Grows the batch buffers to hold {@code capacity} pairs. */
  private void reserve(int capacity) {
    if (outputGradient.length < capacity) {
      awaitRowUpdates();
      outputGradient = new float[capacity];
      inputGradient = new float[capacity * width];
      inputs[0] = new float[capacity * width];
      inputs[1] = new float[capacity * width];
      gathered = false;
    }
  }

  /** Waits until the tables hold every step's row updates. */
  private void awaitRowUpdates() {
    if (unfinished != null) {
      DjlPipeline.Pending pending = unfinished;
      unfinished = null;
      pending.join();
    }
  }

  @Override
  public float[] predict(int[] users, int[] movies) {
    float[] out = new float[users.length];
    new DjlScorer(layout.spec(), parameters(false)).score(users, movies, users.length, out);
    return out;
  }

  @Override
  public DjlParameters snapshot() {
    return parameters(true);
  }

  @Override
  public DjlParameters current() {
    return parameters(false);
  }

  /** The current parameters; the tables' live arrays unless {@code copy}. */
  private DjlParameters parameters(boolean copy) {
    awaitRowUpdates();
    float[] users = lazyUsers == null ? denseUsers[0] : lazyUsers.values();
    float[] movies = lazyMovies == null ? denseMovies[0] : lazyMovies.values();
    float[] flat = tower.parameters();
    List<DjlParameters.Tensor> tensors = new ArrayList<>(layout.size());
    for (int slot = 0; slot < layout.size(); slot++) {
      DjlLayout.Slot shape = layout.slot(slot);
      float[] values;
      if (slot == layout.userEmbedding()) {
        values = copy ? users.clone() : users;
      } else if (slot == layout.movieEmbedding()) {
        values = copy ? movies.clone() : movies;
      } else {
        int layer = layout.layerOf(slot);
        int from =
            slot == layout.weight(layer) ? tower.weightOffset(layer) : tower.biasOffset(layer);
        values = java.util.Arrays.copyOfRange(flat, from, from + shape.size());
      }
      tensors.add(new DjlParameters.Tensor(shape.name(), shape.shape(), values));
    }
    return new DjlParameters(layout, tensors);
  }

  @Override
  public void close() {
    awaitRowUpdates();
  }
}
