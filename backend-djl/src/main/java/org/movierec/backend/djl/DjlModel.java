package org.movierec.backend.djl;

import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.ScoringModel;
import org.movierec.core.model.TrainedState;
import org.movierec.model.NetworkSpec;

/**
 * A network trained by the DJL backend. It predicts on the JVM from its parameter arrays with the
 * engine's mathematics, so it holds no native resources and any number of threads may call it at
 * once.
 */
public final class DjlModel extends ScoringModel {

  private final NetworkSpec spec;
  private final DjlParameters parameters;
  private final DjlScorer scorer;
  private volatile boolean closed;

  /** A model over a trained state, a spec and parameters that fit both. */
  DjlModel(TrainedState state, ColdStartPolicy policy, NetworkSpec spec, DjlParameters parameters) {
    super(state, policy);
    this.spec = spec;
    this.parameters = parameters;
    this.scorer = new DjlScorer(spec, parameters);
  }

  /** The network this model realizes. */
  public NetworkSpec spec() {
    return spec;
  }

  /** The trained parameters. */
  DjlParameters parameters() {
    return parameters;
  }

  @Override
  protected void scoreKnown(int[] denseUsers, int[] denseMovies, int count, float[] out) {
    if (closed) {
      throw new IllegalStateException("this DJL model was closed; load it again to predict");
    }
    scorer.score(denseUsers, denseMovies, count, out);
  }

  @Override
  protected void writeBackendSections(ModelFileWriter out) {
    DjlModelFile.write(out, spec, parameters);
  }

  @Override
  public void close() {
    closed = true;
  }
}
