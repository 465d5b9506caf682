package org.movierec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkSpecTest {

  @Test
  void seed_isTheOriginalArchitecture() {
    NetworkSpec seed = NetworkSpec.seed();

    assertThat(seed.userEmbedding().dim()).isEqualTo(30);
    assertThat(seed.movieEmbedding().dim()).isEqualTo(30);
    assertThat(seed.inputWidth()).isEqualTo(60);
    assertThat(seed.layers()).extracting(DenseLayerSpec::units).containsExactly(50, 30, 20, 1);
    assertThat(seed.layers())
        .allSatisfy(layer -> assertThat(layer.activation()).isEqualTo(Activation.RELU));
    assertThat(seed.userEmbedding().init()).isEqualTo(Initializer.normal(1.0));
    assertThat(seed.layers())
        .allSatisfy(layer -> assertThat(layer.init()).isEqualTo(Initializer.PYTORCH_LINEAR));
    assertThat(seed.fanIn(0)).isEqualTo(60);
    assertThat(seed.fanIn(3)).isEqualTo(20);
  }

  @Test
  void seedResidual_seedWithSmallEmbeddingsAndIdentityOutput_soTheOutputCanGoNegative() {
    NetworkSpec seed = NetworkSpec.seed();
    NetworkSpec residual = NetworkSpecs.resolve(NetworkSpecs.SEED_RESIDUAL);

    assertThat(residual.name()).isEqualTo("seed-residual");
    assertThat(residual.userEmbedding().init())
        .isEqualTo(Initializer.normal(NetworkSpecs.SMALL_EMBEDDING_SD));
    assertThat(residual.movieEmbedding().init())
        .isEqualTo(Initializer.normal(NetworkSpecs.SMALL_EMBEDDING_SD));
    assertThat(residual.layers().subList(0, 3)).isEqualTo(seed.layers().subList(0, 3));
    assertThat(residual.layers().get(3))
        .isEqualTo(new DenseLayerSpec(1, Activation.IDENTITY, Initializer.PYTORCH_LINEAR));
  }

  @Test
  void seedResidualDot_isSeedResidualWithSmallerEmbeddingsAndTheDotProduct() {
    NetworkSpec residual = NetworkSpecs.seedResidual();
    NetworkSpec dot = NetworkSpecs.resolve(NetworkSpecs.SEED_RESIDUAL_DOT);

    assertThat(dot.embeddingDot()).isTrue();
    assertThat(dot.layers()).isEqualTo(residual.layers());
    assertThat(dot.userEmbedding())
        .isEqualTo(new EmbeddingSpec(30, Initializer.normal(NetworkSpecs.DOT_EMBEDDING_SD)));
    assertThat(dot.movieEmbedding()).isEqualTo(dot.userEmbedding());
  }

  @Test
  void embeddingDot_roundTripsThroughJsonAndIsLeftOutWhenOff() {
    NetworkSpec dot = NetworkSpec.seed().withEmbeddingDot("seed-dot");

    assertThat(dot.embeddingDot()).isTrue();
    assertThat(NetworkSpec.fromJson("dot.json", dot.toJson())).isEqualTo(dot);
    assertThat(dot.toJson()).contains("\"embedding_dot\" : true");
    assertThat(NetworkSpec.seed().toJson()).doesNotContain("embedding_dot");
    assertThat(NetworkSpec.fromJson("seed.json", NetworkSpec.seed().toJson()).embeddingDot())
        .isFalse();
  }

  @Test
  void embeddingDot_embeddingsOfDifferentWidths_namesBothWidths() {
    NetworkSpec seed = NetworkSpec.seed();

    assertThatThrownBy(
            () ->
                new NetworkSpec(
                    "odd",
                    new EmbeddingSpec(30, Initializer.PYTORCH_EMBEDDING),
                    new EmbeddingSpec(20, Initializer.PYTORCH_EMBEDDING),
                    seed.layers(),
                    true))
        .isInstanceOf(NetworkSpecException.class)
        .hasMessageContaining("'odd'")
        .hasMessageContaining("30 and 20");
  }

  @Test
  void userHistoryAndRankingHead_roundTripThroughJsonAndAreLeftOutWhenAbsent() {
    NetworkSpec joint = NetworkSpecs.seedJoint();

    assertThat(joint.history()).isEqualTo(UserHistory.SQRT);
    assertThat(joint.hasRankingHead()).isTrue();
    assertThat(joint.toJson()).contains("\"user_history\" : \"sqrt\"").contains("\"ranking_head\"");
    assertThat(NetworkSpec.fromJson("joint.json", joint.toJson())).isEqualTo(joint);
    String seed = NetworkSpec.seed().toJson();
    assertThat(seed).doesNotContain("user_history").doesNotContain("ranking_head");
    assertThat(NetworkSpec.fromJson("seed.json", seed).history()).isEqualTo(UserHistory.NONE);
    assertThat(NetworkSpec.seed().withUserHistory("seed", UserHistory.NONE))
        .isEqualTo(NetworkSpec.seed());
  }

  @Test
  void userHistory_embeddingsOfDifferentWidths_namesBothWidths() {
    NetworkSpec seed = NetworkSpec.seed();

    assertThatThrownBy(
            () ->
                new NetworkSpec(
                    "odd",
                    new EmbeddingSpec(30, Initializer.PYTORCH_EMBEDDING),
                    new EmbeddingSpec(20, Initializer.PYTORCH_EMBEDDING),
                    seed.layers(),
                    false,
                    UserHistory.MEAN,
                    null))
        .isInstanceOf(NetworkSpecException.class)
        .hasMessageContaining("user_history")
        .hasMessageContaining("30 and 20");
  }

  @Test
  void rankingHead_wideOrWithoutHiddenLayer_isRejected() {
    NetworkSpec seed = NetworkSpec.seed();
    DenseLayerSpec wide = new DenseLayerSpec(2, Activation.IDENTITY, Initializer.PYTORCH_LINEAR);
    DenseLayerSpec one = new DenseLayerSpec(1, Activation.IDENTITY, Initializer.PYTORCH_LINEAR);

    assertThatThrownBy(() -> seed.withRankingHead("wide", wide))
        .isInstanceOf(NetworkSpecException.class)
        .hasMessageContaining("1 unit (got 2)");
    assertThatThrownBy(
            () ->
                new NetworkSpec(
                    "flat",
                    seed.userEmbedding(),
                    seed.movieEmbedding(),
                    List.of(one),
                    false,
                    null,
                    one))
        .isInstanceOf(NetworkSpecException.class)
        .hasMessageContaining("at least one hidden layer");
  }

  @Test
  void fromJson_unknownUserHistory_listsAllowed() {
    String json = NetworkSpec.seed().toJson().replaceFirst("\\{", "{ \"user_history\": \"max\",");

    assertThatThrownBy(() -> NetworkSpec.fromJson("h.json", json))
        .isInstanceOf(NetworkSpecException.class)
        .hasMessageContaining("none, mean, sqrt, sqrt_only");
  }

  @Test
  void fromJson_toJsonOfSeed_roundTrips() {
    String json = NetworkSpec.seed().toJson();

    assertThat(NetworkSpec.fromJson("seed.json", json)).isEqualTo(NetworkSpec.seed());
    assertThat(json)
        .contains("\"user_embedding\"")
        .contains("\"relu\"")
        .contains("\"fan_in_uniform\"");
  }

  @Test
  void fromJson_nonPositiveUnits_namesSourceAndProblem() {
    String json = NetworkSpec.seed().toJson().replace("\"units\" : 50", "\"units\" : 0");

    assertThatThrownBy(() -> NetworkSpec.fromJson("bad.json", json))
        .isInstanceOf(NetworkSpecException.class)
        .hasMessageContaining("bad.json")
        .hasMessageContaining("layer units must be > 0, got 0");
  }

  @Test
  void fromJson_unknownActivation_listsAllowed() {
    String json = NetworkSpec.seed().toJson().replaceFirst("\"relu\"", "\"swish\"");

    assertThatThrownBy(() -> NetworkSpec.fromJson("bad.json", json))
        .isInstanceOf(NetworkSpecException.class)
        .hasMessageContaining("unknown activation 'swish'")
        .hasMessageContaining("relu, identity, sigmoid, tanh");
  }

  @Test
  void fromJson_outputWiderThanOne_isRejected() {
    String json = NetworkSpec.seed().toJson().replace("\"units\" : 1,", "\"units\" : 2,");

    assertThatThrownBy(() -> NetworkSpec.fromJson("bad.json", json))
        .hasMessageContaining("must have 1 unit, got 2");
  }

  @Test
  void fromJson_unknownField_isRejectedWithLocation() {
    String json = NetworkSpec.seed().toJson().replaceFirst("\\{", "{\"colour\":\"red\",");

    assertThatThrownBy(() -> NetworkSpec.fromJson("bad.json", json))
        .isInstanceOf(NetworkSpecException.class)
        .hasMessageContaining("bad.json")
        .hasMessageContaining("colour");
  }

  @Test
  void fromJson_normalWithoutScale_isRejected() {
    String json = NetworkSpec.seed().toJson().replaceFirst("\"scale\" : 1.0", "\"scale\" : -2.0");

    assertThatThrownBy(() -> NetworkSpec.fromJson("bad.json", json))
        .hasMessageContaining("needs a finite scale > 0, got -2.0");
  }

  @Test
  void fromJson_constantInit_roundTrips() {
    NetworkSpec seed = NetworkSpec.seed();
    List<DenseLayerSpec> layers = new ArrayList<>(seed.layers());
    layers.set(3, new DenseLayerSpec(1, Activation.RELU, Initializer.constant(0.1)));
    NetworkSpec spec =
        new NetworkSpec("c", seed.userEmbedding(), seed.movieEmbedding(), List.copyOf(layers));

    String json = spec.toJson();

    assertThat(json).contains("\"constant\"");
    assertThat(NetworkSpec.fromJson("c.json", json)).isEqualTo(spec);
  }

  @Test
  void constant_nonPositiveValue_isRejected() {
    assertThatThrownBy(() -> Initializer.constant(0))
        .isInstanceOf(NetworkSpecException.class)
        .hasMessageContaining("constant needs a finite scale > 0, got 0.0");
  }

  @Test
  void resolve_builtInOrFile_returnsSpec(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("wide.json");
    NetworkSpec wide = NetworkSpec.seed().withEmbeddingInit("wide", Initializer.uniform(0.05));
    Files.writeString(file, wide.toJson());

    assertThat(NetworkSpecs.resolve("seed")).isEqualTo(NetworkSpec.seed());
    assertThat(NetworkSpecs.resolve(file.toString())).isEqualTo(wide);
  }

  @Test
  void resolve_unknownName_listsBuiltIns() {
    assertThatThrownBy(() -> NetworkSpecs.resolve("sead"))
        .hasMessageContaining("'sead'")
        .hasMessageContaining(
            "built-in network (seed, seed-joint, seed-positive-output, seed-rank, seed-residual,"
                + " seed-residual-dot, seed-small-embeddings)");
  }
}
