package org.movierec.backend.djl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.movierec.model.Activation;
import org.movierec.model.DenseLayerSpec;
import org.movierec.model.EmbeddingSpec;
import org.movierec.model.Initializer;
import org.movierec.model.NetworkSpec;

/**
 * A network of a few hundred parameters, so tests that loop over every byte of a file stay quick.
 */
final class TinyNetwork {

  private TinyNetwork() {}

  /** Embeddings of 3 + 3, one hidden layer of 4 units, one output. */
  static NetworkSpec spec() {
    return new NetworkSpec(
        "tiny",
        new EmbeddingSpec(3, Initializer.PYTORCH_EMBEDDING),
        new EmbeddingSpec(3, Initializer.PYTORCH_EMBEDDING),
        List.of(
            new DenseLayerSpec(4, Activation.RELU, Initializer.PYTORCH_LINEAR),
            new DenseLayerSpec(1, Activation.RELU, Initializer.PYTORCH_LINEAR)));
  }

  /** Writes the spec as a JSON file that the {@code network} key can name. */
  static Path write(Path dir) throws IOException {
    return Files.writeString(dir.resolve("tiny-network.json"), spec().toJson());
  }
}
