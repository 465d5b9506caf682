package org.movierec.core.testbackend;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.movierec.core.data.IdIndex;
import org.movierec.core.data.RatingScale;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.MoviePopularity;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.RankingScore;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.SimilarMovie;

/**
 * A model that hands every call to another; subclasses override one call to inject a defect or a
 * delay. Public in the test jar for other modules' tests.
 */
public class ForwardingModel implements Model {

  /** The model every call goes to. */
  protected final Model delegate;

  /** A model forwarding to {@code delegate}. */
  protected ForwardingModel(Model delegate) {
    this.delegate = delegate;
  }

  @Override
  public ModelInfo info() {
    return delegate.info();
  }

  @Override
  public IdIndex users() {
    return delegate.users();
  }

  @Override
  public IdIndex movies() {
    return delegate.movies();
  }

  @Override
  public RatingScale scale() {
    return delegate.scale();
  }

  @Override
  public ColdStartPolicy coldStartPolicy() {
    return delegate.coldStartPolicy();
  }

  @Override
  public float predict(int rawUserId, int rawMovieId) {
    return predict(new int[] {rawUserId}, new int[] {rawMovieId})[0];
  }

  @Override
  public float[] predict(int[] rawUserIds, int[] rawMovieIds) {
    return delegate.predict(rawUserIds, rawMovieIds);
  }

  @Override
  public List<Recommendation> recommend(int rawUserId, RecommendRequest request) {
    return delegate.recommend(rawUserId, request);
  }

  @Override
  public RankingScore rankingScore() {
    return delegate.rankingScore();
  }

  @Override
  public float[] rankingScores(int rawUserId, int[] rawMovieIds) {
    return delegate.rankingScores(rawUserId, rawMovieIds);
  }

  @Override
  public FoldedUser foldIn(List<MovieRating> ratings) {
    return delegate.foldIn(ratings);
  }

  @Override
  public List<SimilarMovie> similarMovies(int rawMovieId, RecommendRequest request) {
    return delegate.similarMovies(rawMovieId, request);
  }

  @Override
  public MoviePopularity popularity() {
    return delegate.popularity();
  }

  @Override
  public int[] ratedMovies(int rawUserId) {
    return delegate.ratedMovies(rawUserId);
  }

  @Override
  public boolean knowsUser(int rawUserId) {
    return delegate.knowsUser(rawUserId);
  }

  @Override
  public boolean knowsMovie(int rawMovieId) {
    return delegate.knowsMovie(rawMovieId);
  }

  @Override
  public void save(Path file) throws IOException {
    delegate.save(file);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
