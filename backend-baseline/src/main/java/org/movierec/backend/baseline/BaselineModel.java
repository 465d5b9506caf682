package org.movierec.backend.baseline;

import java.util.List;
import org.movierec.core.bias.Biases;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.FoldInFit;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.ScoringModel;
import org.movierec.core.model.TrainedState;

/**
 * A trained bias baseline: the score of a pair is {@code mean + userBias + movieBias}, clipped to
 * the rating scale. Its biases live in the shared {@link TrainedState}, so the file holds nothing
 * else. It learns no movie vectors, so {@link #similarMovies} answers with an {@link
 * org.movierec.core.model.UnsupportedByModelException} that says so.
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

  /**
   * Fits a new user's bias with the movie biases fixed and the regularization of training; the
   * folded-in user is then scored as {@code mean + userBias + movieBias} like any trained one.
   */
  @Override
  public FoldedUser foldIn(List<MovieRating> ratings) {
    ensureOpen();
    return super.foldIn(ratings);
  }

  @Override
  protected void scoreFoldedIn(FoldInFit user, int[] denseMovies, int count, float[] out) {
    ensureOpen();
    super.scoreFoldedIn(user, denseMovies, count, out);
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
