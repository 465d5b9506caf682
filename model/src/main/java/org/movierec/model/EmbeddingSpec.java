package org.movierec.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One embedding table: a vector of {@code dim} numbers per user or per movie.
 *
 * @param dim the vector length
 * @param init how the table is initialized
 */
public record EmbeddingSpec(@JsonProperty("dim") int dim, @JsonProperty("init") Initializer init) {

  /** Checks the size and initializer. */
  public EmbeddingSpec {
    if (dim <= 0) {
      throw new NetworkSpecException("embedding dim must be > 0, got " + dim);
    }
    if (init == null) {
      throw new NetworkSpecException(
          "embedding needs an init, e.g. {\"type\":\"normal\",\"scale\":1}");
    }
  }
}
