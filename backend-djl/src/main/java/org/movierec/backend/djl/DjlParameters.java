package org.movierec.backend.djl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.movierec.model.NetworkSpec;

/**
 * The parameters of a realized network as plain Java arrays, in a fixed order: the user embedding,
 * the movie embedding, then each dense layer's weight ({@code [units, fanIn]}, PyTorch's layout)
 * and bias. This is what the model file stores, what the JVM predictor reads and what training
 * starts from and ends with.
 */
final class DjlParameters {

  /**
   * One named tensor, row-major.
   *
   * @param name e.g. {@code dense0.weight}
   * @param shape the dimensions
   * @param values {@code product(shape)} numbers
   */
  record Tensor(String name, int[] shape, float[] values) {

    /** Checks that the values fill the shape. */
    Tensor {
      Objects.requireNonNull(name, "name");
      shape = shape.clone();
      if (sizeOf(shape) != values.length) {
        throw new IllegalArgumentException(
            name + ": " + values.length + " values do not fill shape " + Arrays.toString(shape));
      }
    }

    @Override
    public int[] shape() {
      return shape.clone();
    }

    /** Tells whether this tensor has the same name, shape and bit-identical values. */
    boolean sameAs(Tensor other) {
      return name.equals(other.name)
          && Arrays.equals(shape, other.shape)
          && Arrays.equals(values, other.values);
    }
  }

  private final List<Tensor> tensors;

  /** Parameters in the order {@link #slots} gives. */
  DjlParameters(List<Tensor> tensors) {
    this.tensors = List.copyOf(tensors);
  }

  /** The tensors in order. */
  List<Tensor> tensors() {
    return tensors;
  }

  /** The tensor at a position of {@link #slots}'s order. */
  Tensor get(int index) {
    return tensors.get(index);
  }

  /** The number of scalar parameters. */
  long count() {
    return tensors.stream().mapToLong(tensor -> tensor.values().length).sum();
  }

  /** Tells whether both hold the same tensors bit for bit. */
  boolean sameAs(DjlParameters other) {
    if (tensors.size() != other.tensors.size()) {
      return false;
    }
    for (int i = 0; i < tensors.size(); i++) {
      if (!tensors.get(i).sameAs(other.tensors.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The name of the user embedding table. */
  static final String USER_EMBEDDING = "user_embedding";

  /** The name of the movie embedding table. */
  static final String MOVIE_EMBEDDING = "movie_embedding";

  /** The name of a dense layer's weight. */
  static String weightName(int layer) {
    return "dense" + layer + ".weight";
  }

  /** The name of a dense layer's bias. */
  static String biasName(int layer) {
    return "dense" + layer + ".bias";
  }

  /**
   * The name and shape of one parameter tensor.
   *
   * @param name e.g. {@code dense0.weight}
   * @param shape the dimensions
   */
  record Slot(String name, int[] shape) {

    /** Copies the shape. */
    Slot {
      Objects.requireNonNull(name, "name");
      shape = shape.clone();
    }

    @Override
    public int[] shape() {
      return shape.clone();
    }

    /** The number of values. */
    int size() {
      return Math.toIntExact(sizeOf(shape));
    }

    /** Tells whether a tensor has this name and shape. */
    boolean fits(Tensor tensor) {
      return name.equals(tensor.name()) && Arrays.equals(shape, tensor.shape);
    }

    @Override
    public String toString() {
      return name + Arrays.toString(shape);
    }
  }

  /** The names and shapes a spec has for the given numbers of users and movies, in order. */
  static List<Slot> slots(NetworkSpec spec, int users, int movies) {
    List<Slot> slots = new ArrayList<>();
    slots.add(new Slot(USER_EMBEDDING, new int[] {users, spec.userEmbedding().dim()}));
    slots.add(new Slot(MOVIE_EMBEDDING, new int[] {movies, spec.movieEmbedding().dim()}));
    for (int layer = 0; layer < spec.layers().size(); layer++) {
      int units = spec.layers().get(layer).units();
      slots.add(new Slot(weightName(layer), new int[] {units, spec.fanIn(layer)}));
      slots.add(new Slot(biasName(layer), new int[] {units}));
    }
    return slots;
  }

  private static long sizeOf(int[] shape) {
    long size = 1;
    for (int dim : shape) {
      if (dim < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
      }
      size *= dim;
    }
    return size;
  }
}
