package org.movierec.backend.djl;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.movierec.model.Activation;
import org.movierec.model.DenseLayerSpec;
import org.movierec.model.EmbeddingSpec;
import org.movierec.model.Initializer;
import org.movierec.model.NetworkSpec;

/** Networks with random parameters of a useful scale, for tests of the JVM mathematics. */
final class RandomNetworks {

  private RandomNetworks() {}

  /**
   * A spec with embeddings of 7 (users) and 5 (movies), hidden layers of 13 and 9 units and one
   * output, every layer with the same activation.
   */
  static NetworkSpec uniform(Activation activation) {
    return new NetworkSpec(
        "uniform-" + activation,
        new EmbeddingSpec(7, Initializer.PYTORCH_EMBEDDING),
        new EmbeddingSpec(5, Initializer.PYTORCH_EMBEDDING),
        List.of(
            new DenseLayerSpec(13, activation, Initializer.PYTORCH_LINEAR),
            new DenseLayerSpec(9, activation, Initializer.PYTORCH_LINEAR),
            new DenseLayerSpec(1, activation, Initializer.PYTORCH_LINEAR)));
  }

  /**
   * A spec with embeddings of 6 and 6 whose dot product is added to the output ({@code
   * embedding_dot}), hidden layers of 13 and 9 units and one output, every layer with the same
   * activation.
   */
  static NetworkSpec withDot(Activation activation) {
    NetworkSpec uniform = uniform(activation);
    return new NetworkSpec(
            "dot-" + activation,
            new EmbeddingSpec(6, Initializer.PYTORCH_EMBEDDING),
            new EmbeddingSpec(6, Initializer.PYTORCH_EMBEDDING),
            uniform.layers())
        .withEmbeddingDot("dot-" + activation);
  }

  /**
   * The same tensors read as their spec without the embedding dot product: what the dense layers
   * alone make of them.
   */
  static DjlParameters withoutDot(DjlParameters parameters) {
    DjlLayout layout = parameters.layout();
    NetworkSpec spec = layout.spec();
    NetworkSpec plain =
        new NetworkSpec(spec.name(), spec.userEmbedding(), spec.movieEmbedding(), spec.layers());
    return new DjlParameters(
        DjlLayout.of(plain, layout.users(), layout.movies()), parameters.tensors());
  }

  /**
   * Gaussian parameters scaled by {@code 1/sqrt(fanIn)}, embeddings of unit variance, and an output
   * bias of +1 so that a ReLU output is mostly above zero.
   */
  static DjlParameters parameters(NetworkSpec spec, int users, int movies, long seed) {
    Random random = new Random(seed);
    List<DjlParameters.Tensor> tensors = new ArrayList<>();
    DjlLayout layout = DjlLayout.of(spec, users, movies);
    int lastBias = layout.bias(layout.layers() - 1);
    for (int i = 0; i < layout.size(); i++) {
      DjlLayout.Slot slot = layout.slot(i);
      int[] shape = slot.shape();
      double scale = layout.isEmbedding(i) ? 1 : 1 / Math.sqrt(layout.fanIn(i));
      float[] values = new float[slot.size()];
      for (int v = 0; v < values.length; v++) {
        values[v] = (float) (random.nextGaussian() * scale + (i == lastBias ? 1 : 0));
      }
      tensors.add(new DjlParameters.Tensor(slot.name(), shape, values));
    }
    return new DjlParameters(layout, tensors);
  }
}
