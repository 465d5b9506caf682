package org.movierec.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.training.OptimizerKind;

/**
 * Lazy training of the embedding tables ({@code embedding_optimizer = lazy}): the tables live in
 * JVM arrays ({@link DjlLazyTable}), only the dense layers on the engine. A step gathers the
 * batch's rows into the input matrix, lets the engine run the dense layers forward and backward
 * down to the gradient of that input, updates the dense layers with {@link DjlOptimizer}, and
 * updates the touched rows on the JVM. No step reads or writes a row its batch does not touch, so
 * its cost grows with the batch, not with the number of users and movies.
 *
 * <p>With a concurrent {@link DjlPipeline}, the row updates and the gathering of the next batch's
 * rows run on the second thread: while the engine updates the dense layers, it updates the rows the
 * next batch reads and gathers them; while the engine runs the next batch, it updates the other
 * rows. A gather reads a row only after every earlier step's update of it, so the results are those
 * of one thread, bit for bit.
 */
final class DjlLazyStep implements DjlTrainingStep {

  private static final ByteOrder NATIVE = ByteOrder.nativeOrder();

  private final DjlLayout layout;
  private final DjlNetwork layers;
  private final DjlOptimizer optimizer;
  private final DjlLazyTable users;
  private final DjlLazyTable movies;
  private final DjlLoss loss;
  private final DjlHistory history;
  private final DjlLazyHistory historyRows;

  /** Whether the users' own rows take part (and so are trained); false for a history alone. */
  private final boolean ownUsers;

  private final double decay;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final int width;
  private final DjlPipeline pipeline;
  private float[] gradient = new float[0];

  /** Two input matrices: the engine reads one while the next batch's rows go into the other. */
  private final ByteBuffer[] inputs = {ByteBuffer.allocateDirect(0), ByteBuffer.allocateDirect(0)};

  private int current;

  /** Whether {@code inputs[current]} already holds the rows of the batch trained next. */
  private boolean gathered;

  /** The row updates still running after a step returned, or {@code null}. */
  private DjlPipeline.Pending unfinished;

  /** Tables copied from the initial parameters, and the dense layers on the engine under root. */
  DjlLazyStep(NDManager root, DjlParameters initial, TrainingConfig config, DjlPipeline pipeline) {
    this(root, initial, config, pipeline, null);
  }

  /**
   * As above, for a network whose users are formed with the rated movies of {@code history} (null
   * when the network has no user history).
   */
  DjlLazyStep(
      NDManager root,
      DjlParameters initial,
      TrainingConfig config,
      DjlPipeline pipeline,
      DjlHistory history) {
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
    this.loss = DjlLoss.of(config);
    this.history = history;
    this.historyRows =
        history == null
            ? null
            : new DjlLazyHistory(
                history, users.rows(), users.dim(), config.get(Keys.HISTORY_DROPOUT));
    this.ownUsers = history == null || history.mode().usesOwnEmbedding();
    this.decay = config.embeddingWeightDecay();
    this.beta1 = config.get(Keys.ADAM_BETA1);
    this.beta2 = config.get(Keys.ADAM_BETA2);
    this.epsilon = config.get(Keys.ADAM_EPSILON);
    this.width = layout.spec().inputWidth();
    this.pipeline = pipeline;
  }

  private static DjlLazyTable table(DjlParameters initial, int slot, boolean adam) {
    int[] shape = initial.layout().slot(slot).shape();
    return new DjlLazyTable(shape[0], shape[1], initial.get(slot).values().clone(), adam);
  }

  @Override
  public DjlPipeline pipeline() {
    return pipeline;
  }

  @Override
  public GradientCollector newGradientCollector() {
    return layers.newGradientCollector();
  }

  @Override
  public float train(
      GradientCollector collector, DjlBatch batch, DjlBatch next, double learningRate) {
    int length = batch.size();
    reserve(batch.capacity());
    ByteBuffer input = inputs[current];
    if (!gathered) {
      gather(batch, input);
    }
    float value;
    try (NDManager scope = layers.manager().newSubManager()) {
      NDArray x =
          scope.create(
              input.clear().limit(length * width * Float.BYTES),
              new Shape(length, width),
              DataType.FLOAT32);
      x.setRequiresGradient(true);
      DjlTrainingStep.Objective objective = loss.compute(layers.forwardLayers(x), batch);
      value = objective.value();
      if (!Float.isFinite(value)) {
        return value;
      }
      collector.backward(objective.backwardTarget());
      x.getGradient().toByteBuffer().asFloatBuffer().get(gradient, 0, length * width);
    }
    DjlLazyTable.Step step =
        new DjlLazyTable.Step(learningRate, decay, beta1, beta2, epsilon, optimizer.steps() + 1);
    ByteBuffer nextInput = inputs[1 - current];
    if (historyRows != null) {
      // A batch reads the rows of every movie its users rated: update all rows before the next
      // gather rather than track which ones it reads.
      DjlPipeline.Pending all =
          pipeline.submit(
              () -> {
                if (ownUsers) {
                  users.begin(batch.users(), length, gradient, width, 0, step);
                }
                historyRows.begin(movies, batch, gradient, width, step);
                users.finish();
                movies.finish();
                if (next != null) {
                  gather(next, nextInput);
                }
              });
      optimizer.step(learningRate);
      all.join();
      gathered = next != null;
      if (gathered) {
        current = 1 - current;
      }
      return value;
    }
    DjlPipeline.Pending rows =
        pipeline.submit(
            () -> {
              users.begin(batch.users(), length, gradient, width, 0, step);
              movies.begin(batch.movies(), length, gradient, width, users.dim(), step);
              if (next == null) {
                users.finish();
                movies.finish();
              } else {
                users.applyRows(next.users(), next.size());
                movies.applyRows(next.movies(), next.size());
                gather(next, nextInput);
              }
            });
    // The rows the next batch does not read are updated while the engine runs it; the helper
    // runs tasks in order, so they are done before any later gather reads the tables.
    DjlPipeline.Pending rest =
        next == null
            ? null
            : pipeline.submit(
                () -> {
                  users.finish();
                  movies.finish();
                });
    optimizer.step(learningRate);
    rows.join();
    unfinished = rest;
    gathered = next != null;
    if (gathered) {
      current = 1 - current;
    }
    return value;
  }

  /** Waits until the tables hold every step's row updates. */
  private void awaitRowUpdates() {
    if (unfinished != null) {
      DjlPipeline.Pending pending = unfinished;
      unfinished = null;
      pending.join();
    }
  }

  /**
   * Writes a batch's user and movie rows side by side into an input matrix; with a user history,
   * each user's part is their row plus their history.
   */
  private void gather(DjlBatch batch, ByteBuffer input) {
    FloatBuffer x = input.clear().asFloatBuffer();
    if (historyRows != null) {
      historyRows.gatherUsers(users, movies, batch, x, width);
    } else {
      users.gather(batch.users(), batch.size(), x, width, 0);
    }
    movies.gather(batch.movies(), batch.size(), x, width, users.dim());
  }

  /**
   * Grows the batch buffers to hold {@code capacity} pairs. The engine reads the input straight
   * from these direct buffers (no copy per batch); an array made from them lives only within its
   * step, so a later step may overwrite them.
   */
  private void reserve(int capacity) {
    if (gradient.length < capacity * width) {
      gradient = new float[capacity * width];
      for (int i = 0; i < inputs.length; i++) {
        inputs[i] = ByteBuffer.allocateDirect(capacity * width * Float.BYTES).order(NATIVE);
      }
      gathered = false;
    }
  }

  @Override
  public float[] predict(int[] userIndices, int[] movieIndices) {
    float[] out = new float[userIndices.length];
    new DjlScorer(DjlSplitNetwork.of(layout.spec(), parameters(false), history))
        .score(userIndices, movieIndices, userIndices.length, out);
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
    List<DjlParameters.Tensor> tensors = new ArrayList<>(layout.size());
    for (int slot = 0; slot < layout.size(); slot++) {
      DjlLayout.Slot shape = layout.slot(slot);
      float[] values;
      if (slot == layout.userEmbedding()) {
        values = copy ? users.values().clone() : users.values();
      } else if (slot == layout.movieEmbedding()) {
        values = copy ? movies.values().clone() : movies.values();
      } else {
        values = layers.values(slot);
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
