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
 * close it to free them.
 */
final class DjlNetwork implements AutoCloseable {

  /** Pairs per forward pass when predicting many pairs, bounding temporary memory. */
  private static final int PREDICT_CHUNK = 65_536;

  private final DjlLayout layout;
  private final NDManager manager;
  private final List<NDArray> parameters;

  private DjlNetwork(DjlLayout layout, NDManager manager, List<NDArray> parameters) {
    this.layout = layout;
    this.manager = manager;
    this.parameters = List.copyOf(parameters);
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
    NDManager manager = parent.newSubManager();
    try {
      List<NDArray> arrays = new ArrayList<>();
      for (DjlParameters.Tensor tensor : values.tensors()) {
        NDArray array = manager.create(tensor.values(), shapeOf(tensor.shape()));
        array.setName(tensor.name());
        if (trainable) {
          array.setRequiresGradient(true);
        }
        arrays.add(array);
      }
      return new DjlNetwork(values.layout(), manager, arrays);
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

  /** The parameter arrays in the layout's slot order. */
  List<NDArray> parameters() {
    return parameters;
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
    return forward(users, movies, parameters);
  }

  /** The forward pass over the given parameter arrays (e.g. detached copies). */
  private NDArray forward(NDArray users, NDArray movies, List<NDArray> weights) {
    NDArray userTable = weights.get(layout.userEmbedding());
    NDArray movieTable = weights.get(layout.movieEmbedding());
    NDArray userVectors =
        users.getNDArrayInternal().embedding(users, userTable, SparseFormat.DENSE).head();
    NDArray movieVectors =
        movies.getNDArrayInternal().embedding(movies, movieTable, SparseFormat.DENSE).head();
    NDArray x = userVectors.concat(movieVectors, 1);
    for (int layer = 0; layer < layout.layers(); layer++) {
      NDArray weight = weights.get(layout.weight(layer));
      NDArray bias = weights.get(layout.bias(layer));
      x = x.getNDArrayInternal().linear(x, weight, bias).head();
      x = activate(x, layout.spec().layers().get(layer).activation());
    }
    return x;
  }

  /**
   * Predicts pairs of dense indices without recording gradients, before clipping.
   *
   * @return one prediction per pair
   */
  float[] predict(int[] users, int[] movies) {
    float[] out = new float[users.length];
    try (NDManager scope = manager.newSubManager()) {
      List<NDArray> detached = new ArrayList<>(parameters.size());
      for (NDArray parameter : parameters) {
        NDArray copy = parameter.stopGradient();
        copy.attach(scope);
        detached.add(copy);
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

  /** Copies the current parameter values to the JVM. */
  DjlParameters snapshot() {
    List<DjlParameters.Tensor> tensors = new ArrayList<>(parameters.size());
    for (int slot = 0; slot < layout.size(); slot++) {
      DjlLayout.Slot shape = layout.slot(slot);
      tensors.add(
          new DjlParameters.Tensor(
              shape.name(), shape.shape(), parameters.get(slot).toFloatArray()));
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
