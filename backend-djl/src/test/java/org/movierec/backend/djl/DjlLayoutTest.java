package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.movierec.model.Activation;
import org.movierec.model.DenseLayerSpec;
import org.movierec.model.EmbeddingSpec;
import org.movierec.model.Initializer;
import org.movierec.model.NetworkSpec;

class DjlLayoutTest {

  @RepeatedTest(20)
  void namedSlots_randomSpec_haveTheShapesTheSpecImplies(RepetitionInfo repetition) {
    Random random = new Random(repetition.getCurrentRepetition());
    NetworkSpec spec = randomSpec(random);
    int users = 1 + random.nextInt(50);
    int movies = 1 + random.nextInt(50);

    DjlLayout layout = DjlLayout.of(spec, users, movies);

    assertThat(layout.slot(layout.userEmbedding()))
        .isEqualTo(slot("user_embedding", users, spec.userEmbedding().dim()));
    assertThat(layout.slot(layout.movieEmbedding()))
        .isEqualTo(slot("movie_embedding", movies, spec.movieEmbedding().dim()));
    int fanIn = spec.userEmbedding().dim() + spec.movieEmbedding().dim();
    Set<Integer> named = new HashSet<>(List.of(layout.userEmbedding(), layout.movieEmbedding()));
    for (int layer = 0; layer < spec.layers().size(); layer++) {
      int units = spec.layers().get(layer).units();
      assertThat(layout.slot(layout.weight(layer)))
          .isEqualTo(slot("dense" + layer + ".weight", units, fanIn));
      assertThat(layout.slot(layout.bias(layer))).isEqualTo(slot("dense" + layer + ".bias", units));
      assertThat(layout.layerOf(layout.weight(layer))).isEqualTo(layer);
      assertThat(layout.layerOf(layout.bias(layer))).isEqualTo(layer);
      assertThat(layout.initializer(layout.weight(layer)))
          .isEqualTo(spec.layers().get(layer).init());
      assertThat(layout.fanIn(layout.bias(layer))).isEqualTo(fanIn);
      named.add(layout.weight(layer));
      named.add(layout.bias(layer));
      fanIn = units;
    }
    assertThat(named).as("every slot has exactly one role").hasSize(layout.size());
    assertThat(layout.slots()).hasSize(layout.size());
    for (int slot = 0; slot < layout.size(); slot++) {
      assertThat(layout.isEmbedding(slot))
          .as("slot %s", layout.slot(slot))
          .isEqualTo(slot == layout.userEmbedding() || slot == layout.movieEmbedding());
    }
    assertThat(layout.initializer(layout.userEmbedding())).isEqualTo(spec.userEmbedding().init());
    assertThat(layout.initializer(layout.movieEmbedding())).isEqualTo(spec.movieEmbedding().init());
    assertThat(layout.fanIn(layout.movieEmbedding())).isEqualTo(spec.movieEmbedding().dim());
  }

  @Test
  void parameters_tensorInTheWrongSlot_areRefusedNamingBoth() {
    DjlParameters parameters = DjlInitializer.initialize(TinyNetwork.spec(), 4, 5, 1);
    List<DjlParameters.Tensor> swapped = new ArrayList<>(parameters.tensors());
    DjlParameters.Tensor users = swapped.get(parameters.layout().userEmbedding());
    swapped.set(
        parameters.layout().userEmbedding(), swapped.get(parameters.layout().movieEmbedding()));
    swapped.set(parameters.layout().movieEmbedding(), users);

    assertThatThrownBy(() -> new DjlParameters(parameters.layout(), swapped))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tensor movie_embedding[5, 3] where the layout needs user_embedding[4, 3]");
  }

  @Test
  void weight_layerOutOfRange_namesTheLayerCount() {
    DjlLayout layout = DjlLayout.of(TinyNetwork.spec(), 4, 5);

    assertThatThrownBy(() -> layout.weight(2))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("layer 2 of a network with 2 dense layers");
  }

  /** A spec of random depth, widths and activations, with distinct embedding widths. */
  static NetworkSpec randomSpec(Random random) {
    int userDim = 1 + random.nextInt(8);
    int movieDim = userDim + 1 + random.nextInt(8);
    List<DenseLayerSpec> layers = new ArrayList<>();
    int hidden = random.nextInt(4);
    Activation[] activations = Activation.values();
    for (int i = 0; i < hidden; i++) {
      layers.add(
          new DenseLayerSpec(
              2 + random.nextInt(9),
              activations[random.nextInt(activations.length)],
              Initializer.uniform(0.1 + random.nextDouble())));
    }
    layers.add(new DenseLayerSpec(1, Activation.IDENTITY, Initializer.PYTORCH_LINEAR));
    return new NetworkSpec(
        "random",
        new EmbeddingSpec(userDim, Initializer.normal(0.5)),
        new EmbeddingSpec(movieDim, Initializer.uniform(0.3)),
        layers);
  }

  private static DjlLayout.Slot slot(String name, int... shape) {
    return new DjlLayout.Slot(name, shape);
  }
}
