package org.movierec.server;

import java.util.List;
import org.movierec.core.model.Model;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import org.movierec.core.testbackend.ForwardingModel;

/** A model that fails inside every recommendation, as a broken engine would. */
final class FailingModel extends ForwardingModel {

  FailingModel(Model delegate) {
    super(delegate);
  }

  @Override
  public List<Recommendation> recommend(int rawUserId, RecommendRequest request) {
    throw new IllegalStateException("engine failure inside org.movierec.test at Engine.java:42");
  }
}
