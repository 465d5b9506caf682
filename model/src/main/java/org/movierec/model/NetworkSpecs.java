package org.movierec.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Finds a network spec by built-in name or JSON file path, as the {@code network} key says. */
public final class NetworkSpecs {

  /** The name of {@link #seedPositiveOutput()}. */
  public static final String SEED_POSITIVE_OUTPUT = "seed-positive-output";

  /** The value every output-layer weight and bias starts at in {@link #seedPositiveOutput()}. */
  public static final double POSITIVE_OUTPUT_INIT = 0.1;

  /** The name of {@link #seedSmallEmbeddings()}. */
  public static final String SEED_SMALL_EMBEDDINGS = "seed-small-embeddings";

  /** The standard deviation the embeddings of {@link #seedSmallEmbeddings()} are drawn with. */
  public static final double SMALL_EMBEDDING_SD = 0.3;

  /** The name of {@link #seedResidual()}. */
  public static final String SEED_RESIDUAL = "seed-residual";

  /** The name of {@link #seedResidualDot()}. */
  public static final String SEED_RESIDUAL_DOT = "seed-residual-dot";

  /** The standard deviation the embeddings of {@link #seedResidualDot()} are drawn with. */
  public static final double DOT_EMBEDDING_SD = 0.1;

  /** The name of {@link #seedRank()}. */
  public static final String SEED_RANK = "seed-rank";

  /** The name of {@link #seedJoint()}. */
  public static final String SEED_JOINT = "seed-joint";

  private static final Map<String, Supplier<NetworkSpec>> BUILT_IN =
      Map.of(
          SEED_RANK,
          NetworkSpecs::seedRank,
          SEED_JOINT,
          NetworkSpecs::seedJoint,
          "seed",
          NetworkSpec::seed,
          SEED_POSITIVE_OUTPUT,
          NetworkSpecs::seedPositiveOutput,
          SEED_SMALL_EMBEDDINGS,
          NetworkSpecs::seedSmallEmbeddings,
          SEED_RESIDUAL,
          NetworkSpecs::seedResidual,
          SEED_RESIDUAL_DOT,
          NetworkSpecs::seedResidualDot);

  private NetworkSpecs() {}

  /**
   * The seed architecture and initialization except for the output layer, whose weights and bias
   * all start at {@value #POSITIVE_OUTPUT_INIT}: fed by ReLU units, its first prediction is then
   * positive for every input, so the ReLU output cannot start dead, as the seed's does for some
   * seeds (a constant prediction of 0 that no gradient moves).
   */
  public static NetworkSpec seedPositiveOutput() {
    NetworkSpec seed = NetworkSpec.seed();
    List<DenseLayerSpec> layers = new ArrayList<>(seed.layers());
    DenseLayerSpec output = layers.get(layers.size() - 1);
    layers.set(
        layers.size() - 1,
        new DenseLayerSpec(
            output.units(), output.activation(), Initializer.constant(POSITIVE_OUTPUT_INIT)));
    return new NetworkSpec(
        SEED_POSITIVE_OUTPUT, seed.userEmbedding(), seed.movieEmbedding(), List.copyOf(layers));
  }

  /**
   * {@link #seedPositiveOutput()} with embeddings drawn from N(0, {@value #SMALL_EMBEDDING_SD})
   * instead of N(0, 1). Under lazy embedding updates a row moves only on the steps that touch it,
   * so the noise of a large random start fades only as fast as the row's ratings come; on data as
   * sparse per row as MovieLens 25M, N(0, 1) rows were still mostly noise after three epochs.
   */
  public static NetworkSpec seedSmallEmbeddings() {
    return seedPositiveOutput()
        .withEmbeddingInit(SEED_SMALL_EMBEDDINGS, Initializer.normal(SMALL_EMBEDDING_SD));
  }

  /**
   * The seed architecture with {@link #seedSmallEmbeddings()}'s N(0, {@value #SMALL_EMBEDDING_SD})
   * embeddings and an output layer without activation, initialized as PyTorch's Linear: the network
   * for {@code output_offset = biases}, whose output is a correction to the bias estimate and so
   * must be able to go negative, and should start near zero (a ReLU output could only add, and the
   * positive-output start would add about one star to every first prediction).
   */
  public static NetworkSpec seedResidual() {
    NetworkSpec seed = NetworkSpec.seed();
    List<DenseLayerSpec> layers = new ArrayList<>(seed.layers());
    DenseLayerSpec output = layers.get(layers.size() - 1);
    layers.set(
        layers.size() - 1, new DenseLayerSpec(output.units(), Activation.IDENTITY, output.init()));
    return new NetworkSpec(
            SEED_RESIDUAL, seed.userEmbedding(), seed.movieEmbedding(), List.copyOf(layers))
        .withEmbeddingInit(SEED_RESIDUAL, Initializer.normal(SMALL_EMBEDDING_SD));
  }

  /**
   * {@link #seedResidual()} with the dot product of the two embeddings added to its output (a
   * matrix-factorization path beside the dense layers) and embeddings drawn from N(0, {@value
   * #DOT_EMBEDDING_SD}), so that the dot product of two random rows starts near zero (SD about 0.05
   * over 30 dimensions). A concatenation network's gradient barely depends on which movie a user
   * rated, so on the residual of the biases it has nothing to follow; the dot product's gradient is
   * the other side's embedding, which is what lets matrix factorization learn the interaction from
   * a random start.
   */
  public static NetworkSpec seedResidualDot() {
    return seedResidual()
        .withEmbeddingInit(SEED_RESIDUAL_DOT, Initializer.normal(DOT_EMBEDDING_SD))
        .withEmbeddingDot(SEED_RESIDUAL_DOT);
  }

  /**
   * The network for {@code objective = ranking}: {@link #seedResidualDot()}'s layers (the seed's
   * dense tower with an identity output, whose value is the ranking logit, plus the dot product of
   * N(0, {@value #DOT_EMBEDDING_SD}) embeddings) over users formed from their history: their own
   * embedding plus the sum of the embeddings of the movies they rated times {@code 1/sqrt(n)}
   * (SVD++'s normalization), so that a new user's vector comes from their ratings at once.
   */
  public static NetworkSpec seedRank() {
    return seedResidualDot().withUserHistory(SEED_RANK, UserHistory.SQRT);
  }

  /**
   * {@link #seedRank()} with a ranking head beside its output layer, for {@code objective = joint}:
   * the output layer predicts the rating (the residual of the biases under {@code output_offset =
   * biases}), the head, one identity unit initialized as PyTorch's Linear reading the same last
   * hidden layer, gives the ranking logit, to which alone the embeddings' dot product is added.
   */
  public static NetworkSpec seedJoint() {
    return seedRank()
        .withRankingHead(
            SEED_JOINT, new DenseLayerSpec(1, Activation.IDENTITY, Initializer.PYTORCH_LINEAR));
  }

  /** The names of the built-in specs. */
  public static Set<String> builtInNames() {
    return new TreeSet<>(BUILT_IN.keySet());
  }

  /**
   * The built-in spec of that name, or the spec in the JSON file at that path.
   *
   * @throws NetworkSpecException when the name is unknown or the file is not a valid spec
   */
  public static NetworkSpec resolve(String nameOrPath) {
    Supplier<NetworkSpec> builtIn = BUILT_IN.get(nameOrPath);
    if (builtIn != null) {
      return builtIn.get();
    }
    Path file = Path.of(nameOrPath);
    if (!Files.isRegularFile(file)) {
      throw new NetworkSpecException(
          "bad value for network: '"
              + nameOrPath
              + "' is neither a built-in network ("
              + String.join(", ", builtInNames())
              + ") nor a JSON spec file");
    }
    try {
      return NetworkSpec.fromJson(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new NetworkSpecException("cannot read network spec " + file + ": " + e.getMessage(), e);
    }
  }
}
