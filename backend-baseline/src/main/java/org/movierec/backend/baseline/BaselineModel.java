package org.movierec.backend.baseline;

import java.util.List;
import org.movierec.core.bias.Biases;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.ScoringModel;
import org.movierec.core.model.TrainedState;

/**
 * A trained bias baseline: the score of a pair is {@code mean + userBias + movieBias}, clipped to
 * the rating scale. Its biases live in the shared {@link TrainedState}, so the file holds nothing
 * else.
 */
public final class BaselineModel extends ScoringModel {

  private volatile boolean closed;

  BaselineModel(TrainedState state, ColdStartPolicy policy) {
    super(state, policy);
  }

  /** Reads a model written by {@link #save}. */
  static BaselineModel load(ModelFile file, ColdStartPolicy policy) {
    return new BaselineModel(TrainedState.readFrom(file), policy);
  }

  @Override
  protected void scoreKnown(int[] denseUsers, int[] denseMovies, int count, float[] out) {
    Biases biases = state().biases();
    for (int i = 0; i < count; i++) {
      out[i] = biases.estimate(denseUsers[i], denseMovies[i]);
    }
  }

  @Override
  protected void writeBackendSections(ModelFileWriter out) {
    // The biases are the whole model and TrainedState already stores them.
  }

  @Override
  public float[] predict(int[] rawUserIds, int[] rawMovieIds) {
    ensureOpen();
    return super.predict(rawUserIds, rawMovieIds);
  }

  @Override
  public List<Recommendation> recommend(int rawUserId, RecommendRequest request) {
    ensureOpen();
    return super.recommend(rawUserId, request);
  }

  @Override
  public void close() {
    closed = true;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("this baseline model was closed; load it again to use it");
    }
  }
}
