package org.movierec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InitializerJsonTest {

  @Test
  void fromJson_seedSpecWritten_readsBackEqual() {
    NetworkSpec seed = NetworkSpec.seed();
    assertThat(NetworkSpec.fromJson("seed", seed.toJson())).isEqualTo(seed);
  }

  @Test
  void fromJson_fanInUniformWithoutScale_isPyTorchLinear() {
    String json =
        "{\"name\":\"n\",\"user_embedding\":{\"dim\":2,\"init\":{\"type\":\"normal\",\"scale\":1}},"
            + "\"movie_embedding\":{\"dim\":2,\"init\":{\"type\":\"uniform\",\"scale\":0.5}},"
            + "\"layers\":[{\"units\":1,\"activation\":\"relu\",\"init\":{\"type\":\"fan_in_uniform\"}}]}";
    NetworkSpec spec = NetworkSpec.fromJson("test", json);
    assertThat(spec.layers().get(0).init()).isEqualTo(Initializer.PYTORCH_LINEAR);
    assertThat(spec.movieEmbedding().init()).isEqualTo(Initializer.uniform(0.5));
  }

  @Test
  void fromJson_unknownInitializerField_namesIt() {
    String json =
        "{\"name\":\"n\",\"user_embedding\":{\"dim\":2,\"init\":{\"type\":\"normal\",\"sigma\":1}},"
            + "\"movie_embedding\":{\"dim\":2,\"init\":{\"type\":\"normal\",\"scale\":1}},"
            + "\"layers\":[{\"units\":1,\"activation\":\"relu\",\"init\":{\"type\":\"fan_in_uniform\"}}]}";
    assertThatThrownBy(() -> NetworkSpec.fromJson("test", json))
        .isInstanceOf(NetworkSpecException.class)
        .hasMessageContaining("unknown initializer field 'sigma'");
  }

  @Test
  void fromJson_missingScaleForNormal_saysScaleIsNeeded() {
    String json =
        "{\"name\":\"n\",\"user_embedding\":{\"dim\":2,\"init\":{\"type\":\"normal\"}},"
            + "\"movie_embedding\":{\"dim\":2,\"init\":{\"type\":\"normal\",\"scale\":1}},"
            + "\"layers\":[{\"units\":1,\"activation\":\"relu\",\"init\":{\"type\":\"fan_in_uniform\"}}]}";
    assertThatThrownBy(() -> NetworkSpec.fromJson("test", json))
        .isInstanceOf(NetworkSpecException.class)
        .hasMessageContaining("normal needs a finite scale > 0");
  }
}
