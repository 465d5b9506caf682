package org.movierec.backend.djl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.movierec.model.Initializer;
import org.movierec.model.NetworkSpec;

/**
 * Which parameter tensor holds what, derived once from a {@link NetworkSpec} and the numbers of
 * users and movies: the one place that knows the order of the tensors. The network, the scorer, the
 * optimizers, the initializer and the model file ask it for a slot by role ({@link
 * #userEmbedding()}, {@link #weight(int)}, ...) instead of counting positions.
 */
final class DjlLayout {

  /** The name of the user embedding table. */
  static final String USER_EMBEDDING = "user_embedding";

  /** The name of the movie embedding table. */
  static final String MOVIE_EMBEDDING = "movie_embedding";

  /** The name of the ranking head's weight. */
  static final String HEAD_WEIGHT = "ranking_head.weight";

  /** The name of the ranking head's bias. */
  static final String HEAD_BIAS = "ranking_head.bias";

  private static final int USER_SLOT = 0;
  private static final int MOVIE_SLOT = 1;
  private static final int FIRST_LAYER_SLOT = 2;

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
      return Math.toIntExact(DjlParameters.sizeOf(shape));
    }

    /** Tells whether a tensor has this name and shape. */
    boolean fits(DjlParameters.Tensor tensor) {
      return name.equals(tensor.name()) && Arrays.equals(shape, tensor.shape());
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Slot that
          && name.equals(that.name)
          && Arrays.equals(shape, that.shape);
    }

    @Override
    public int hashCode() {
      return 31 * name.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
      return name + Arrays.toString(shape);
    }
  }

  private final NetworkSpec spec;
  private final int users;
  private final int movies;
  private final List<Slot> slots;

  private DjlLayout(NetworkSpec spec, int users, int movies) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.users = users;
    this.movies = movies;
    List<Slot> all = new ArrayList<>();
    all.add(new Slot(USER_EMBEDDING, new int[] {users, spec.userEmbedding().dim()}));
    all.add(new Slot(MOVIE_EMBEDDING, new int[] {movies, spec.movieEmbedding().dim()}));
    for (int layer = 0; layer < spec.layers().size(); layer++) {
      int units = spec.layers().get(layer).units();
      all.add(new Slot(weightName(layer), new int[] {units, spec.fanIn(layer)}));
      all.add(new Slot(biasName(layer), new int[] {units}));
    }
    if (spec.hasRankingHead()) {
      all.add(new Slot(HEAD_WEIGHT, new int[] {1, spec.rankingHeadFanIn()}));
      all.add(new Slot(HEAD_BIAS, new int[] {1}));
    }
    this.slots = List.copyOf(all);
  }

  /**
   * The layout of a spec over the given numbers of users and movies (the embedding tables' rows).
   */
  static DjlLayout of(NetworkSpec spec, int users, int movies) {
    return new DjlLayout(spec, users, movies);
  }

  /** The spec this layout realizes. */
  NetworkSpec spec() {
    return spec;
  }

  /** The rows of the user embedding table. */
  int users() {
    return users;
  }

  /** The rows of the movie embedding table. */
  int movies() {
    return movies;
  }

  /** Every slot's name and shape, in the order tensors are stored and handed to the engine. */
  List<Slot> slots() {
    return slots;
  }

  /** The number of parameter tensors. */
  int size() {
    return slots.size();
  }

  /** The name and shape of one slot. */
  Slot slot(int slot) {
    return slots.get(slot);
  }

  /** The dense layers. */
  int layers() {
    return spec.layers().size();
  }

  /** The slot of the user embedding table. */
  int userEmbedding() {
    return USER_SLOT;
  }

  /** The slot of the movie embedding table. */
  int movieEmbedding() {
    return MOVIE_SLOT;
  }

  /** The slot of a dense layer's weight, {@code [units, fanIn]} as PyTorch lays it out. */
  int weight(int layer) {
    return FIRST_LAYER_SLOT + 2 * checkLayer(layer);
  }

  /** The slot of a dense layer's bias, {@code [units]}. */
  int bias(int layer) {
    return FIRST_LAYER_SLOT + 2 * checkLayer(layer) + 1;
  }

  /** Tells whether the network has a ranking head beside its output layer. */
  boolean hasHead() {
    return spec.hasRankingHead();
  }

  /** The slot of the ranking head's weight, {@code [1, lastHiddenWidth]}. */
  int headWeight() {
    requireHead();
    return FIRST_LAYER_SLOT + 2 * spec.layers().size();
  }

  /** The slot of the ranking head's bias, {@code [1]}. */
  int headBias() {
    requireHead();
    return FIRST_LAYER_SLOT + 2 * spec.layers().size() + 1;
  }

  /** Tells whether a slot is the ranking head's weight or bias. */
  boolean isHead(int slot) {
    return spec.hasRankingHead() && slot >= FIRST_LAYER_SLOT + 2 * spec.layers().size();
  }

  private void requireHead() {
    if (!spec.hasRankingHead()) {
      throw new IllegalStateException("network '" + spec.name() + "' has no ranking_head");
    }
  }

  /** Tells whether a slot is one of the two embedding tables rather than a dense layer's. */
  boolean isEmbedding(int slot) {
    return slot == USER_SLOT || slot == MOVIE_SLOT;
  }

  /** The dense layer a weight or bias slot belongs to. */
  int layerOf(int slot) {
    if (isEmbedding(slot) || isHead(slot) || slot < 0 || slot >= slots.size()) {
      throw new IllegalArgumentException(
          "slot " + slot + " is not a dense layer's; layout " + slots);
    }
    return (slot - FIRST_LAYER_SLOT) / 2;
  }

  /** The initializer the spec declares for a slot. */
  Initializer initializer(int slot) {
    if (slot == USER_SLOT) {
      return spec.userEmbedding().init();
    }
    if (slot == MOVIE_SLOT) {
      return spec.movieEmbedding().init();
    }
    if (isHead(slot)) {
      return spec.rankingHead().init();
    }
    return spec.layers().get(layerOf(slot)).init();
  }

  /**
   * The fan-in PyTorch's initializers use for a slot: a dense layer's input width for its weight
   * and bias, the vector length for an embedding table.
   */
  int fanIn(int slot) {
    if (isHead(slot)) {
      return spec.rankingHeadFanIn();
    }
    return isEmbedding(slot) ? slots.get(slot).shape[1] : spec.fanIn(layerOf(slot));
  }

  /** The name of a dense layer's weight. */
  static String weightName(int layer) {
    return "dense" + layer + ".weight";
  }

  /** The name of a dense layer's bias. */
  static String biasName(int layer) {
    return "dense" + layer + ".bias";
  }

  private int checkLayer(int layer) {
    if (layer < 0 || layer >= spec.layers().size()) {
      throw new IndexOutOfBoundsException(
          "layer " + layer + " of a network with " + spec.layers().size() + " dense layers");
    }
    return layer;
  }

  @Override
  public String toString() {
    return "DjlLayout" + slots;
  }
}
