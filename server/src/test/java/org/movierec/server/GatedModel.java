package org.movierec.server;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.movierec.core.model.Model;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import org.movierec.core.testbackend.ForwardingModel;

/**
 * A model whose recommendations wait at a gate until the test opens it, to hold a request in flight
 * across a reload; it remembers whether it was closed and refuses calls afterwards.
 */
final class GatedModel extends ForwardingModel {

  final CountDownLatch entered = new CountDownLatch(1);
  final CountDownLatch gate = new CountDownLatch(1);
  final AtomicBoolean closed = new AtomicBoolean();

  GatedModel(Model delegate) {
    super(delegate);
  }

  @Override
  public List<Recommendation> recommend(int rawUserId, RecommendRequest request) {
    entered.countDown();
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never opened the gate");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (closed.get()) {
      throw new IllegalStateException("recommend on a closed model");
    }
    return super.recommend(rawUserId, request);
  }

  @Override
  public void close() {
    closed.set(true);
    super.close();
  }
}
