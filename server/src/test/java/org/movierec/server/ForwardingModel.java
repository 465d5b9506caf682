package org.movierec.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.movierec.core.data.IdIndex;
import org.movierec.core.data.RatingScale;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Model;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.Recommendation;

/** A model that hands every call to another; subclasses change one call. */
class ForwardingModel implements Model {

  final Model delegate;

  ForwardingModel(Model delegate) {
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
    return delegate.predict(rawUserId, rawMovieId);
  }

  @Override
  public float[] predict(int[] rawUserIds, int[] rawMovieIds) {
    return delegate.predict(rawUserIds, rawMovieIds);
  }

  @Override
  public List<Recommendation> recommend(int rawUserId, int count) {
    return delegate.recommend(rawUserId, count);
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
