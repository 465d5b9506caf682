package org.movierec.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.List;

/**
 * The recommender network described as data: a user and a movie embedding, concatenated, then dense
 * layers each followed by its activation; the last layer has one unit, the predicted rating. A
 * backend realizes exactly this, without guessing. Stored as JSON inside model files.
 *
 * @param name a short name, e.g. {@code seed}
 * @param userEmbedding the user embedding table
 * @param movieEmbedding the movie embedding table
 * @param layers the dense layers in order; the last one is the output
 * @param embeddingDot whether the dot product of the user and the movie embedding is added to the
 *     output layer's result (a matrix-factorization path beside the dense layers, as NeuMF's GMF
 *     part; it needs embeddings of equal width); written to JSON only when true
 * @param userHistory how the user vector is formed: the user's own embedding, or that plus the
 *     normalized sum of the embeddings of the movies they rated (needs embeddings of equal width);
 *     written to JSON only when not {@code none}
 * @param rankingHead a second output of one unit beside the last layer, reading the same hidden
 *     layer, whose output is a ranking logit: what {@code objective = joint} trains besides the
 *     rating; with {@code embedding_dot}, the dot product joins this logit only, and the rating
 *     output is the tower's own; null when the network has one output
 */
public record NetworkSpec(
    @JsonProperty("name") String name,
    @JsonProperty("user_embedding") EmbeddingSpec userEmbedding,
    @JsonProperty("movie_embedding") EmbeddingSpec movieEmbedding,
    @JsonProperty("layers") List<DenseLayerSpec> layers,
    @JsonProperty("embedding_dot") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        Boolean embeddingDot,
    @JsonProperty("user_history") @JsonInclude(JsonInclude.Include.NON_NULL)
        UserHistory userHistory,
    @JsonProperty("ranking_head") @JsonInclude(JsonInclude.Include.NON_NULL)
        DenseLayerSpec rankingHead) {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  /**
   * Checks that every part is present and the output is a single unit; an absent {@code
   * embedding_dot} (JSON written before it existed) is false, an absent {@code user_history} is
   * {@code none} (kept as null, so that older specs' JSON stays the same).
   */
  public NetworkSpec {
    embeddingDot = Boolean.TRUE.equals(embeddingDot);
    if (userHistory == UserHistory.NONE) {
      userHistory = null;
    }
    if (name == null || name.isBlank()) {
      throw new NetworkSpecException("network spec needs a non-empty name");
    }
    if (userEmbedding == null || movieEmbedding == null) {
      throw new NetworkSpecException(
          "network spec '" + name + "' needs both user_embedding and movie_embedding");
    }
    if (layers == null || layers.isEmpty()) {
      throw new NetworkSpecException(
          "network spec '" + name + "' needs at least one layer (the output layer of 1 unit)");
    }
    layers = List.copyOf(layers);
    if (layers.get(layers.size() - 1).units() != 1) {
      throw new NetworkSpecException(
          "network spec '"
              + name
              + "': the last layer is the predicted rating and must have 1 unit, got "
              + layers.get(layers.size() - 1).units());
    }
    if (embeddingDot && userEmbedding.dim() != movieEmbedding.dim()) {
      throw new NetworkSpecException(
          "network spec '"
              + name
              + "': embedding_dot needs user and movie embeddings of the same dim, got "
              + userEmbedding.dim()
              + " and "
              + movieEmbedding.dim());
    }
    if (userHistory != null && userEmbedding.dim() != movieEmbedding.dim()) {
      throw new NetworkSpecException(
          "network spec '"
              + name
              + "': user_history adds movie embeddings to the user's, so it needs embeddings of"
              + " the same dim, got "
              + userEmbedding.dim()
              + " and "
              + movieEmbedding.dim());
    }
    if (rankingHead != null && (rankingHead.units() != 1 || layers.size() < 2)) {
      throw new NetworkSpecException(
          "network spec '"
              + name
              + "': ranking_head is a second output of 1 unit reading the last hidden layer, so"
              + " it needs 1 unit (got "
              + rankingHead.units()
              + ") and at least one hidden layer before the output (got "
              + (layers.size() - 1)
              + ")");
    }
  }

  /** A spec with the embedding dot product as given, one output and no user history. */
  public NetworkSpec(
      String name,
      EmbeddingSpec userEmbedding,
      EmbeddingSpec movieEmbedding,
      List<DenseLayerSpec> layers,
      Boolean embeddingDot) {
    this(name, userEmbedding, movieEmbedding, layers, embeddingDot, null, null);
  }

  /** A spec without the embedding dot product: the embeddings feed the dense layers only. */
  public NetworkSpec(
      String name,
      EmbeddingSpec userEmbedding,
      EmbeddingSpec movieEmbedding,
      List<DenseLayerSpec> layers) {
    this(name, userEmbedding, movieEmbedding, layers, false);
  }

  /**
   * The seed network as the original described it: 30 + 30 embeddings drawn from N(0, 1), dense 50
   * -> 30 -> 20 -> 1 with PyTorch's Linear initialization, ReLU after every layer including the
   * output.
   */
  public static NetworkSpec seed() {
    return new NetworkSpec(
        "seed",
        new EmbeddingSpec(30, Initializer.PYTORCH_EMBEDDING),
        new EmbeddingSpec(30, Initializer.PYTORCH_EMBEDDING),
        List.of(
            new DenseLayerSpec(50, Activation.RELU, Initializer.PYTORCH_LINEAR),
            new DenseLayerSpec(30, Activation.RELU, Initializer.PYTORCH_LINEAR),
            new DenseLayerSpec(20, Activation.RELU, Initializer.PYTORCH_LINEAR),
            new DenseLayerSpec(1, Activation.RELU, Initializer.PYTORCH_LINEAR)));
  }

  /** How the user vector is formed; {@link UserHistory#NONE} when the spec says nothing. */
  public UserHistory history() {
    return userHistory == null ? UserHistory.NONE : userHistory;
  }

  /** Tells whether the network has a ranking head beside its output layer. */
  public boolean hasRankingHead() {
    return rankingHead != null;
  }

  /** The width the ranking head reads: the last hidden layer's. */
  public int rankingHeadFanIn() {
    return fanIn(layers.size() - 1);
  }

  /** The same network under another name with a user history. */
  public NetworkSpec withUserHistory(String newName, UserHistory history) {
    return new NetworkSpec(
        newName, userEmbedding, movieEmbedding, layers, embeddingDot, history, rankingHead);
  }

  /** The same network under another name with a ranking head. */
  public NetworkSpec withRankingHead(String newName, DenseLayerSpec head) {
    return new NetworkSpec(
        newName, userEmbedding, movieEmbedding, layers, embeddingDot, userHistory, head);
  }

  /** The width of the concatenated embeddings, the first dense layer's fan-in. */
  public int inputWidth() {
    return userEmbedding.dim() + movieEmbedding.dim();
  }

  /** The fan-in of a layer: the previous layer's width, or {@link #inputWidth()}. */
  public int fanIn(int layer) {
    return layer == 0 ? inputWidth() : layers.get(layer - 1).units();
  }

  /** The same architecture under another name with other embedding initializers. */
  public NetworkSpec withEmbeddingInit(String newName, Initializer init) {
    return new NetworkSpec(
        newName,
        new EmbeddingSpec(userEmbedding.dim(), init),
        new EmbeddingSpec(movieEmbedding.dim(), init),
        layers,
        embeddingDot,
        userHistory,
        rankingHead);
  }

  /** The same network under another name with the embedding dot product added to its output. */
  public NetworkSpec withEmbeddingDot(String newName) {
    return new NetworkSpec(
        newName, userEmbedding, movieEmbedding, layers, true, userHistory, rankingHead);
  }

  /** The human-readable JSON form. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write network spec as JSON", e);
    }
  }

  /**
   * Parses and validates a JSON spec.
   *
   * @param source where the JSON came from, for messages (a file name)
   * @throws NetworkSpecException naming the source and what is wrong
   */
  public static NetworkSpec fromJson(String source, String json) {
    try {
      return JSON.readValue(json, NetworkSpec.class);
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause();
      String detail =
          cause instanceof NetworkSpecException ? cause.getMessage() : e.getOriginalMessage();
      throw new NetworkSpecException("network spec " + source + ": " + detail, e);
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause();
      String detail =
          cause instanceof NetworkSpecException ? cause.getMessage() : e.getOriginalMessage();
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw new NetworkSpecException("network spec " + source + where + ": " + detail, e);
    }
  }
}
