package org.movierec.server;

import java.util.Optional;
import org.movierec.core.file.ModelFile;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.MovieVectors;
import org.movierec.core.model.TrainedState;
import org.movierec.core.testbackend.MeanBiasTestModel;
import org.movierec.server.model.ModelFileLoader;

/**
 * Core's bias-estimate test model over a saved model file's state, with fixed movie vectors, so
 * that the server's similar-movies endpoint can be compared with the library without a neural
 * backend.
 */
final class VectorTestModel extends MeanBiasTestModel {

  private final MovieVectors vectors;

  private VectorTestModel(TrainedState state) {
    super(state, ColdStartPolicy.FALLBACK);
    int movies = state.movies().size();
    float[] table = new float[movies * 3];
    for (int m = 0; m < movies; m++) {
      table[3 * m] = (float) Math.cos(m);
      table[3 * m + 1] = (float) Math.sin(m);
      table[3 * m + 2] = m % 3 - 1;
    }
    this.vectors = MovieVectors.normalize(table, 3);
  }

  /** Loads any model file's shared state as such a model. */
  static ModelFileLoader loader() {
    return (ModelFile file) -> new VectorTestModel(TrainedState.readFrom(file));
  }

  @Override
  protected Optional<MovieVectors> movieVectors() {
    return Optional.of(vectors);
  }
}
