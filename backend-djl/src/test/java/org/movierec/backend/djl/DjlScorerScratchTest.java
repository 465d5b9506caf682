package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.movierec.model.Activation;
import org.movierec.model.DenseLayerSpec;
import org.movierec.model.EmbeddingSpec;
import org.movierec.model.Initializer;
import org.movierec.model.NetworkSpec;

/**
 * Scorers share one set of block buffers per thread, so that a server replacing its model every
 * second leaves nothing behind in its pooled threads, and a narrow network scored on a buffer grown
 * for a wide one gives the same scores as on a fresh thread.
 */
class DjlScorerScratchTest {

  private static final int USERS = 6;
  private static final int MOVIES = 300;

  private static NetworkSpec wide() {
    return new NetworkSpec(
        "wide",
        new EmbeddingSpec(9, Initializer.PYTORCH_EMBEDDING),
        new EmbeddingSpec(9, Initializer.PYTORCH_EMBEDDING),
        List.of(
            new DenseLayerSpec(64, Activation.RELU, Initializer.PYTORCH_LINEAR),
            new DenseLayerSpec(1, Activation.IDENTITY, Initializer.PYTORCH_LINEAR)));
  }

  @Test
  void manyScorers_oneThread_keepOneBuffer() {
    new DjlScorer(wide(), RandomNetworks.parameters(wide(), USERS, MOVIES, 1))
        .scoreCatalog(0, new float[MOVIES]);
    float[][][] first = DjlScorer.threadBuffers();

    for (int seed = 2; seed < 50; seed++) {
      NetworkSpec spec = seed % 2 == 0 ? wide() : RandomNetworks.uniform(Activation.RELU);
      new DjlScorer(spec, RandomNetworks.parameters(spec, USERS, MOVIES, seed))
          .scoreCatalog(seed % USERS, new float[MOVIES]);
    }

    assertThat(DjlScorer.threadBuffers()).isSameAs(first);
  }

  @Test
  void narrowScorer_afterAWideOne_scoresAsOnAFreshThread() throws Exception {
    NetworkSpec narrow = RandomNetworks.uniform(Activation.TANH);
    DjlParameters parameters = RandomNetworks.parameters(narrow, USERS, MOVIES, 7);
    float[] fresh =
        CompletableFuture.supplyAsync(() -> catalogs(new DjlScorer(narrow, parameters))).get();

    new DjlScorer(wide(), RandomNetworks.parameters(wide(), USERS, MOVIES, 3))
        .scoreCatalog(1, new float[MOVIES]);
    float[] reused = catalogs(new DjlScorer(narrow, parameters));

    assertThat(reused).isEqualTo(fresh);
  }

  private static float[] catalogs(DjlScorer scorer) {
    float[] all = new float[USERS * MOVIES];
    float[] one = new float[MOVIES];
    for (int user = 0; user < USERS; user++) {
      scorer.scoreCatalog(user, one);
      System.arraycopy(one, 0, all, user * MOVIES, MOVIES);
    }
    return all;
  }
}
