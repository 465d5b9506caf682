package org.movierec.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import java.util.ArrayList;
import java.util.List;
import org.movierec.model.Activation;
import org.movierec.model.NetworkSpec;

/**
 * A {@link NetworkSpec} realized as DJL {@link NDArray}s: embedding lookups, concatenation, then
 * each dense layer and its declared activation. Owns one {@link NDManager} holding the parameters;
 * close it to free them. A network may hold the dense layers alone, when lazy training keeps the
 * embedding tables on the JVM ({@link #createLayers}).
 */
final class DjlNetwork implements AutoCloseable {

  /** Pairs per forward pass when predicting many pairs, bounding temporary memory. */
  private static final int PREDICT_CHUNK = 65_536;

  private final DjlLayout layout;
  private final NDManager manager;

  /** By slot; null for a slot this network does not hold. */
  private final NDArray[] arrays;

  private final List<NDArray> present;

  private DjlNetwork(DjlLayout layout, NDManager manager, NDArray[] arrays) {
    this.layout = layout;
    this.manager = manager;
    this.arrays = arrays;
    List<NDArray> held = new ArrayList<>();
    for (NDArray array : arrays) {
      if (array != null) {
        held.add(array);
      }
    }
    this.present = List.copyOf(held);
  }

  /**
   * Copies parameters into NDArrays under a new sub-manager of {@code parent}, on its device.
   *
   * @param trainable whether the parameters collect gradients
   */
  static DjlNetwork create(
      NDManager parent, NetworkSpec spec, DjlParameters values, boolean trainable) {
    if (!values.layout().spec().equals(spec)) {
      throw new IllegalArgumentException(
          "parameters of network '"
              + values.layout().spec().name()
              + "' do not realize network '"
              + spec.name()
              + "'");
    }
    return create(parent, values, trainable, true);
  }

  /**
   * Copies the dense layers' parameters, trainable, into NDArrays under a new sub-manager of {@code
   * parent}; the embedding tables stay out. Such a network runs {@link #forwardLayers} only.
   */
  static DjlNetwork createLayers(NDManager parent, DjlParameters values) {
    return create(parent, values, true, false);
  }

  private static DjlNetwork create(
      NDManager parent, DjlParameters values, boolean trainable, boolean withTables) {
    DjlLayout layout = values.layout();
    NDManager manager = parent.newSubManager();
    try {
      NDArray[] arrays = new NDArray[layout.size()];
      for (int slot = 0; slot < layout.size(); slot++) {
        if (!withTables && layout.isEmbedding(slot)) {
          continue;
        }
        DjlParameters.Tensor tensor = values.get(slot);
        NDArray array = manager.create(tensor.values(), shapeOf(tensor.shape()));
        array.setName(tensor.name());
        if (trainable) {
          array.setRequiresGradient(true);
        }
        arrays[slot] = array;
      }
      return new DjlNetwork(layout, manager, arrays);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** The spec this network realizes. */
  NetworkSpec spec() {
    return layout.spec();
  }

  /** Which parameter array is which. */
  DjlLayout layout() {
    return layout;
  }

  /** Tells whether this network holds a slot's parameters. */
  boolean holds(int slot) {
    return arrays[slot] != null;
  }

  /**
   * The parameter array of a slot.
   *
   * @throws IllegalStateException when this network does not hold that slot
   */
  NDArray parameter(int slot) {
    return require(arrays, slot);
  }

  /** The parameter arrays this network holds, in the layout's slot order. */
  List<NDArray> parameters() {
    return present;
  }

  /** The manager that owns the parameters. */
  NDManager manager() {
    return manager;
  }

  /**
   * The predicted ratings {@code [batch, 1]} for index arrays {@code [batch]}; every intermediate
   * array, and the result, belongs to the manager of {@code users}.
   */
  NDArray forward(NDArray users, NDArray movies) {
    return forward(users, movies, arrays);
  }

  /**
   * The dense layers applied to concatenated embeddings {@code [batch, inputWidth]}: the predicted
   * ratings {@code [batch, 1]}, in the manager of {@code input}.
   */
  NDArray forwardLayers(NDArray input) {
    return forwardLayers(input, arrays);
  }

  /** The forward pass over the given parameter arrays (e.g. detached copies), by slot. */
  private NDArray forward(NDArray users, NDArray movies, NDArray[] weights) {
    NDArray userTable = require(weights, layout.userEmbedding());
    NDArray movieTable = require(weights, layout.movieEmbedding());
    NDArray userVectors =
        users.getNDArrayInternal().embedding(users, userTable, SparseFormat.DENSE).head();
    NDArray movieVectors =
        movies.getNDArrayInternal().embedding(movies, movieTable, SparseFormat.DENSE).head();
    return forwardLayers(userVectors.concat(movieVectors, 1), weights);
  }

  private NDArray forwardLayers(NDArray input, NDArray[] weights) {
    NDArray x = input;
    for (int layer = 0; layer < layout.layers(); layer++) {
      NDArray weight = weights[layout.weight(layer)];
      NDArray bias = weights[layout.bias(layer)];
      x = x.getNDArrayInternal().linear(x, weight, bias).head();
      x = activate(x, layout.spec().layers().get(layer).activation());
    }
    return x;
  }

  private NDArray require(NDArray[] weights, int slot) {
    NDArray array = weights[slot];
    if (array == null) {
      throw new IllegalStateException(
          layout.slot(slot) + " is not held by this network: lazy training keeps it on the JVM");
    }
    return array;
  }

  /**
   * Predicts pairs of dense indices without recording gradients, before clipping.
   *
   * @return one prediction per pair
   */
  float[] predict(int[] users, int[] movies) {
    float[] out = new float[users.length];
    try (NDManager scope = manager.newSubManager()) {
      NDArray[] detached = new NDArray[arrays.length];
      for (int slot = 0; slot < arrays.length; slot++) {
        if (arrays[slot] != null) {
          detached[slot] = arrays[slot].stopGradient();
          detached[slot].attach(scope);
        }
      }
      for (int start = 0; start < users.length; start += PREDICT_CHUNK) {
        int length = Math.min(PREDICT_CHUNK, users.length - start);
        try (NDManager chunk = scope.newSubManager()) {
          NDArray u = chunk.create(slice(users, start, length));
          NDArray m = chunk.create(slice(movies, start, length));
          float[] scores = forward(u, m, detached).toFloatArray();
          System.arraycopy(scores, 0, out, start, length);
        }
      }
    }
    return out;
  }

  /**
   * Copies the current parameter values to the JVM.
   *
   * @throws IllegalStateException when this network holds the dense layers only
   */
  DjlParameters snapshot() {
    List<DjlParameters.Tensor> tensors = new ArrayList<>(layout.size());
    for (int slot = 0; slot < layout.size(); slot++) {
      DjlLayout.Slot shape = layout.slot(slot);
      tensors.add(
          new DjlParameters.Tensor(shape.name(), shape.shape(), parameter(slot).toFloatArray()));
    }
    return new DjlParameters(layout, tensors);
  }

  /** Applies a declared activation. */
  static NDArray activate(NDArray x, Activation activation) {
    return switch (activation) {
      case RELU -> ai.djl.nn.Activation.relu(x);
      case IDENTITY -> x;
      case SIGMOID -> ai.djl.nn.Activation.sigmoid(x);
      case TANH -> ai.djl.nn.Activation.tanh(x);
    };
  }

  /** DJL's shape of a parameter tensor. */
  static Shape shapeOf(int[] dims) {
    long[] longs = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      longs[i] = dims[i];
    }
    return new Shape(longs);
  }

  private static int[] slice(int[] values, int start, int length) {
    return start == 0 && length == values.length
        ? values
        : java.util.Arrays.copyOfRange(values, start, start + length);
  }

  @Override
  public void close() {
    manager.close();
  }
}
