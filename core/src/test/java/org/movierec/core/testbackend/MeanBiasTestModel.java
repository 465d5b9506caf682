package org.movierec.core.testbackend;

import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.ScoringModel;
import org.movierec.core.model.TrainedState;

/**
 * Scores known pairs with the bias estimate; holds no parameters beyond the shared state. Public in
 * the test jar, so that other modules' tests can extend it.
 */
public class MeanBiasTestModel extends ScoringModel {

  private volatile boolean closed;

  /** A model over a trained state. */
  public MeanBiasTestModel(TrainedState state, ColdStartPolicy policy) {
    super(state, policy);
  }

  @Override
  protected void scoreKnown(int[] denseUsers, int[] denseMovies, int count, float[] out) {
    if (closed) {
      throw new IllegalStateException("the model is closed; load it again to predict");
    }
    for (int i = 0; i < count; i++) {
      out[i] = state().biases().estimate(denseUsers[i], denseMovies[i]);
    }
  }

  @Override
  protected void writeBackendSections(ModelFileWriter out) {
    // the biases in the shared state are the whole model
  }

  @Override
  public void close() {
    closed = true;
  }
}
