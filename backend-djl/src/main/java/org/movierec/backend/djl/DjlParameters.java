package org.movierec.backend.djl;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The parameters of a realized network as plain Java arrays, one tensor per slot of a {@link
 * DjlLayout}. This is what the model file stores, what the JVM predictor reads and what training
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

  private final DjlLayout layout;
  private final List<Tensor> tensors;

  /**
   * Parameters that fill a layout, one tensor per slot in its order.
   *
   * @throws IllegalArgumentException when a tensor's name or shape is not its slot's
   */
  DjlParameters(DjlLayout layout, List<Tensor> tensors) {
    this.layout = layout;
    this.tensors = List.copyOf(tensors);
    if (this.tensors.size() != layout.size()) {
      throw new IllegalArgumentException(
          tensors.size() + " tensors for a layout of " + layout.size() + ": " + layout.slots());
    }
    for (int slot = 0; slot < layout.size(); slot++) {
      if (!layout.slot(slot).fits(this.tensors.get(slot))) {
        Tensor tensor = this.tensors.get(slot);
        throw new IllegalArgumentException(
            "tensor "
                + tensor.name()
                + Arrays.toString(tensor.shape())
                + " where the layout needs "
                + layout.slot(slot));
      }
    }
  }

  /** Which tensor is which. */
  DjlLayout layout() {
    return layout;
  }

  /** The tensors in the layout's order. */
  List<Tensor> tensors() {
    return tensors;
  }

  /** The tensor in a slot of the layout, e.g. {@code get(layout().weight(0))}. */
  Tensor get(int slot) {
    return tensors.get(slot);
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

  /** The number of values a shape holds. */
  static long sizeOf(int[] shape) {
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
