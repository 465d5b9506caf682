package org.movierec.backend.djl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.movierec.model.Activation;
import org.movierec.model.NetworkSpec;

/**
 * A plain dense tower (dense layers one after the other, each with its activation, one output) run
 * forward and backward in plain Java over a batch: what {@link DjlJvmStep} trains in place of the
 * engine. The weights and biases live in one flat array in the layout's slot order, as {@link
 * DjlNetwork} keeps them, with a gradient array of the same shape.
 *
 * <p>Activations are kept feature-major ({@code [unit][pair]}), so that the forward product and the
 * product back to a layer's input run their inner loop over the pairs of the batch with one weight
 * held fixed, as {@link DjlScorer} does; the weight gradient, a sum over the pairs, goes through
 * the same product with its inner loop over a layer's inputs, reading a copy of them by pair
 * ({@link DjlJvmProducts}). The summation order differs from the engine's, so results agree with it
 * within float rounding, not bit for bit.
 *
 * <p>Not thread-safe: one thread runs a tower at a time.
 */
final class DjlJvmTower {

  private final int layers;
  private final int[] fanIns;
  private final int[] units;
  private final Activation[] activations;

  /** By layer, where its weight and its bias start in {@link #parameters}. */
  private final int[] weightOffsets;

  private final int[] biasOffsets;
  private final float[] parameters;
  private final float[] gradient;

  /** The input, feature-major {@code [inputWidth][capacity]}. */
  private float[][] input = new float[0][0];

  /** By layer, its activated outputs, feature-major {@code [units][capacity]}. */
  private float[][][] outputs;

  /** By layer, the gradient of the loss by its outputs, then by its pre-activations. */
  private float[][][] deltas;

  /** By layer after the first, its input row-major {@code [capacity * fanIn]}, for the gradient. */
  private float[][][] rowInputs;

  /** A layer's deltas row-major {@code [units * capacity]}, the weight gradient's left factor. */
  private float[] flatDelta = new float[0];

  /** By layer, its weight gradient as it is summed, {@code [units][fanIn]}. */
  private final float[][][] weightRows;

  /** The gradient by the input, feature-major {@code [inputWidth][capacity]}. */
  private float[][] inputGradient = new float[0][0];

  /** A layer's weight transposed, {@code [fanIn * units]}, for the product back to its input. */
  private final float[] transposed;

  private int capacity;

  /**
   * A tower over the dense layers of a layout's parameters, which it copies.
   *
   * @throws IllegalArgumentException when the spec is not a plain tower with one output
   */
  DjlJvmTower(DjlParameters initial) {
    DjlLayout layout = initial.layout();
    NetworkSpec spec = layout.spec();
    String unsupported = unsupported(spec);
    if (unsupported != null) {
      throw new IllegalArgumentException(
          "network '" + spec.name() + "' is not a plain dense tower: " + unsupported);
    }
    this.layers = layout.layers();
    this.fanIns = new int[layers];
    this.units = new int[layers];
    this.activations = new Activation[layers];
    this.weightOffsets = new int[layers];
    this.biasOffsets = new int[layers];
    int size = 0;
    int widest = 0;
    for (int layer = 0; layer < layers; layer++) {
      fanIns[layer] = spec.fanIn(layer);
      units[layer] = spec.layers().get(layer).units();
      activations[layer] = spec.layers().get(layer).activation();
      weightOffsets[layer] = size;
      size += fanIns[layer] * units[layer];
      biasOffsets[layer] = size;
      size += units[layer];
      widest = Math.max(widest, fanIns[layer] * units[layer]);
    }
    this.parameters = new float[size];
    for (int layer = 0; layer < layers; layer++) {
      float[] weight = initial.get(layout.weight(layer)).values();
      float[] bias = initial.get(layout.bias(layer)).values();
      System.arraycopy(weight, 0, parameters, weightOffsets[layer], weight.length);
      System.arraycopy(bias, 0, parameters, biasOffsets[layer], bias.length);
    }
    this.gradient = new float[size];
    this.transposed = new float[widest];
    this.outputs = new float[layers][][];
    this.deltas = new float[layers][][];
    this.rowInputs = new float[layers][][];
    this.weightRows = new float[layers][][];
    for (int layer = 0; layer < layers; layer++) {
      weightRows[layer] = new float[units[layer]][fanIns[layer]];
    }
  }

  /**
   * Why this class cannot run a spec's dense layers, or null when it can: it runs plain towers of
   * dense layers with one output, without an embedding dot product, a ranking head or a user
   * history.
   */
  static String unsupported(NetworkSpec spec) {
    List<String> reasons = new ArrayList<>();
    if (spec.embeddingDot()) {
      reasons.add("it adds the embedding_dot product to the output");
    }
    if (spec.hasRankingHead()) {
      reasons.add("it has a ranking_head");
    }
    if (spec.history().usesHistory()) {
      reasons.add("it forms users from their user_history");
    }
    if (spec.layers().get(spec.layers().size() - 1).units() != 1) {
      reasons.add("its last layer has more than one unit");
    }
    return reasons.isEmpty() ? null : String.join(", and ", reasons);
  }

  /** The flat parameters, weights and biases by layer; live, read them only between steps. */
  float[] parameters() {
    return parameters;
  }

  /** The gradient of the last {@link #backward}, in the layout of {@link #parameters()}. */
  float[] gradient() {
    return gradient;
  }

  /** Where a dense layer's weight starts in the flat parameters. */
  int weightOffset(int layer) {
    return weightOffsets[layer];
  }

  /** Where a dense layer's bias starts in the flat parameters. */
  int biasOffset(int layer) {
    return biasOffsets[layer];
  }

  /**
   * The outputs of the first {@code n} rows of a row-major input matrix {@code [n, inputWidth]},
   * keeping what {@link #backward} needs.
   *
   * @return the outputs, {@code n} of them at the start of an array the tower reuses
   */
  float[] forward(float[] rows, int n) {
    reserve(n);
    int width = fanIns[0];
    for (int p = 0; p < n; p++) {
      int from = p * width;
      for (int k = 0; k < width; k++) {
        input[k][p] = rows[from + k];
      }
    }
    float[][] x = input;
    for (int layer = 0; layer < layers; layer++) {
      float[][] y = outputs[layer];
      int bias = biasOffsets[layer];
      for (int j = 0; j < units[layer]; j++) {
        Arrays.fill(y[j], 0, n, parameters[bias + j]);
      }
      DjlJvmProducts.multiply(
          parameters, weightOffsets[layer], fanIns[layer], units[layer], x, y, n);
      for (int j = 0; j < units[layer]; j++) {
        DjlSplitNetwork.activate(y[j], n, activations[layer]);
      }
      x = y;
    }
    return x[0];
  }

  /**
   * The backward pass of the last {@link #forward}: from the gradient of the loss by each output,
   * sets {@link #gradient()} (overwriting it) and, when {@code inputRows} is not null, writes the
   * gradient by the input into it row-major, as {@link #forward} read the input.
   *
   * @param rows the input matrix the last forward pass read
   * @param outputGradient the gradient by each of the {@code n} outputs
   */
  void backward(float[] rows, float[] outputGradient, int n, float[] inputRows) {
    System.arraycopy(outputGradient, 0, deltas[layers - 1][0], 0, n);
    for (int layer = layers - 1; layer >= 0; layer--) {
      float[][] delta = deltas[layer];
      float[][] y = outputs[layer];
      int count = units[layer];
      int fanIn = fanIns[layer];
      for (int j = 0; j < count; j++) {
        derive(delta[j], y[j], n, activations[layer]);
      }
      int bias = biasOffsets[layer];
      for (int j = 0; j < count; j++) {
        float[] d = delta[j];
        float sum = 0;
        for (int p = 0; p < n; p++) {
          sum += d[p];
        }
        gradient[bias + j] = sum;
      }
      weightGradient(layer, rows, n);
      if (layer == 0 && inputRows == null) {
        break;
      }
      int weight = weightOffsets[layer];
      for (int j = 0; j < count; j++) {
        for (int k = 0; k < fanIn; k++) {
          transposed[k * count + j] = parameters[weight + j * fanIn + k];
        }
      }
      float[][] back = layer == 0 ? inputGradient : deltas[layer - 1];
      for (int k = 0; k < fanIn; k++) {
        Arrays.fill(back[k], 0, n, 0f);
      }
      DjlJvmProducts.multiply(transposed, 0, count, fanIn, delta, back, n);
    }
    if (inputRows != null) {
      int width = fanIns[0];
      for (int k = 0; k < width; k++) {
        float[] column = inputGradient[k];
        for (int p = 0; p < n; p++) {
          inputRows[p * width + k] = column[p];
        }
      }
    }
  }

  /**
   * Sets the gradient of a layer's weight, {@code g[j][k] = sum_p delta[j][p] x[k][p]}, as the
   * product of its deltas {@code [units][pairs]} and its input by pair {@code [pairs][fanIn]} (for
   * the first layer, the rows of the input matrix {@code rows}) through {@link
   * DjlJvmProducts#multiply}, the forward pass's own product: C2 compiles that method for the long
   * loops over the batch and vectorizes it, where a loop of its own over a layer's 20 to 60 inputs,
   * profiled short, ran about half as fast (measured in a throwaway harness: 11 against 5.5 billion
   * multiply-adds per second).
   */
  private void weightGradient(int layer, float[] rows, int n) {
    int count = units[layer];
    int fanIn = fanIns[layer];
    float[][] pairs = rowInputs[layer];
    if (layer == 0) {
      for (int p = 0; p < n; p++) {
        System.arraycopy(rows, p * fanIn, pairs[p], 0, fanIn);
      }
    } else {
      float[][] columns = outputs[layer - 1];
      for (int k = 0; k < fanIn; k++) {
        float[] column = columns[k];
        for (int p = 0; p < n; p++) {
          pairs[p][k] = column[p];
        }
      }
    }
    float[][] delta = deltas[layer];
    for (int j = 0; j < count; j++) {
      System.arraycopy(delta[j], 0, flatDelta, j * n, n);
    }
    float[][] sums = weightRows[layer];
    for (int j = 0; j < count; j++) {
      Arrays.fill(sums[j], 0f);
    }
    DjlJvmProducts.multiply(flatDelta, 0, n, count, pairs, sums, fanIn);
    int offset = weightOffsets[layer];
    for (int j = 0; j < count; j++) {
      System.arraycopy(sums[j], 0, gradient, offset + j * fanIn, fanIn);
    }
  }

  /**
   * Turns the gradient by an activation's outputs {@code y} into the gradient by its inputs, in
   * place; the derivative is taken from the output, as PyTorch's backward passes do.
   */
  private static void derive(float[] d, float[] y, int n, Activation activation) {
    switch (activation) {
      case RELU -> {
        for (int p = 0; p < n; p++) {
          d[p] = y[p] > 0 ? d[p] : 0f;
        }
      }
      case IDENTITY -> {}
      case SIGMOID -> {
        for (int p = 0; p < n; p++) {
          d[p] = d[p] * (y[p] * (1 - y[p]));
        }
      }
      case TANH -> {
        for (int p = 0; p < n; p++) {
          d[p] = d[p] * (1 - y[p] * y[p]);
        }
      }
    }
  }

  /** Grows the batch buffers to hold {@code n} pairs. */
  private void reserve(int n) {
    if (n <= capacity) {
      return;
    }
    capacity = n;
    input = new float[fanIns[0]][n];
    inputGradient = new float[fanIns[0]][n];
    int widest = 0;
    for (int count : units) {
      widest = Math.max(widest, count);
    }
    flatDelta = new float[widest * n];
    for (int layer = 0; layer < layers; layer++) {
      outputs[layer] = new float[units[layer]][n];
      deltas[layer] = new float[units[layer]][n];
      rowInputs[layer] = new float[n][fanIns[layer]];
    }
  }
}
