package org.movierec.server;

import java.util.Optional;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.MovieVectors;
import org.movierec.core.model.ScoringModel;
import org.movierec.core.model.TrainedState;
import org.movierec.server.model.ModelFileLoader;

/**
 * A model over a saved model file's state that scores by the bias estimate and has fixed movie
 * vectors, so that the server's similar-movies endpoint can be compared with the library without a
 * neural backend.
 */
final class VectorTestModel extends ScoringModel {

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
  protected void scoreKnown(int[] denseUsers, int[] denseMovies, int count, float[] out) {
    for (int i = 0; i < count; i++) {
      out[i] = state().biases().estimate(denseUsers[i], denseMovies[i]);
    }
  }

  @Override
  protected Optional<MovieVectors> movieVectors() {
    return Optional.of(vectors);
  }

  @Override
  protected void writeBackendSections(ModelFileWriter out) {
    // Nothing beyond the shared state.
  }

  @Override
  public void close() {
    // Holds no resources.
  }
}
