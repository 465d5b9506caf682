package org.movierec.backend.djl;

import java.util.Optional;
import org.movierec.core.config.Keys;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.FoldInFit;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.MovieVectors;
import org.movierec.core.model.ScoringModel;
import org.movierec.core.model.TrainedState;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.LossKind;
import org.movierec.model.NetworkSpec;

/**
 * A network trained by the DJL backend. It predicts on the JVM from its parameter arrays with the
 * engine's mathematics, so it holds no native resources and any number of threads may call it at
 * once. It scores a user against the whole catalog through the split first layer ({@link
 * DjlScorer}), fits new users' embeddings against the frozen network ({@link DjlUserFit}) and
 * compares movies by their learned embeddings. Under {@code output_offset = biases} every score is
 * the bias estimate plus the network's output ({@link DjlOffset}).
 */
public final class DjlModel extends ScoringModel {

  /**
   * The rating noise assumed by fold-in when the model file records no training metrics: one
   * squared star, a little above what MovieLens models leave (RMSE 0.85 to 0.95).
   */
  private static final double DEFAULT_NOISE_VARIANCE = 1.0;

  private final NetworkSpec spec;
  private final DjlParameters parameters;
  private final DjlScorer scorer;
  private final DjlUserFit userFit;
  private final DjlOffset offset;
  private volatile MovieVectors movieVectors;
  private volatile boolean closed;

  /** A model over a trained state, a spec and parameters that fit both. */
  DjlModel(TrainedState state, ColdStartPolicy policy, NetworkSpec spec, DjlParameters parameters) {
    super(state, policy);
    this.spec = spec;
    this.parameters = parameters;
    DjlSplitNetwork network = DjlSplitNetwork.of(spec, parameters);
    this.scorer = new DjlScorer(network);
    this.userFit = new DjlUserFit(network, noiseVariance(state.info()));
    this.offset = DjlOffset.of(state.info(), state.biases());
  }

  /**
   * How far a rating strays from the network's prediction, in squared stars: the kept epoch's
   * validation RMSE squared when training measured one, else its training loss (an MSE, or the
   * square of an RMSE).
   */
  static double noiseVariance(ModelInfo info) {
    Optional<EpochReport> kept = info.summary().bestReport();
    if (kept.isEmpty()) {
      return DEFAULT_NOISE_VARIANCE;
    }
    EpochReport report = kept.get();
    double variance;
    if (report.hasValidation()) {
      variance = report.validationRmse() * report.validationRmse();
    } else {
      String loss = info.config().get(Keys.LOSS.name());
      boolean rmseLoss =
          (loss == null ? Keys.LOSS.defaultValue() : Keys.LOSS.parse(loss)) == LossKind.RMSE;
      variance = rmseLoss ? report.trainLoss() * report.trainLoss() : report.trainLoss();
    }
    return variance > 0 && Double.isFinite(variance) ? variance : DEFAULT_NOISE_VARIANCE;
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
    ensureOpen();
    scorer.score(denseUsers, denseMovies, count, out);
    offset.add(denseUsers, denseMovies, count, out);
  }

  @Override
  protected void scoreCatalog(int denseUser, float[] out) {
    ensureOpen();
    scorer.scoreCatalog(denseUser, out);
    offset.addCatalog(denseUser, scorer.movieCount(), out);
  }

  @Override
  protected float[] foldInVector(int[] denseMovies, float[] ratings, float userBias) {
    ensureOpen();
    return userFit.fit(denseMovies, offset.newUserTargets(userBias, denseMovies, ratings));
  }

  @Override
  protected void scoreFoldedIn(FoldInFit user, int[] denseMovies, int count, float[] out) {
    ensureOpen();
    scorer.score(user.vector(), denseMovies, count, out);
    offset.addNewUser(user.bias(), denseMovies, count, out);
  }

  @Override
  protected void scoreCatalog(FoldInFit user, float[] out) {
    ensureOpen();
    scorer.scoreCatalog(user.vector(), out);
    offset.addNewUserCatalog(user.bias(), scorer.movieCount(), out);
  }

  /** The movie embeddings normalized to unit length, computed on first use. */
  @Override
  protected Optional<MovieVectors> movieVectors() {
    ensureOpen();
    MovieVectors vectors = movieVectors;
    if (vectors == null) {
      DjlLayout layout = parameters.layout();
      vectors =
          MovieVectors.normalize(
              parameters.get(layout.movieEmbedding()).values(), spec.movieEmbedding().dim());
      movieVectors = vectors;
    }
    return Optional.of(vectors);
  }

  @Override
  protected void writeBackendSections(ModelFileWriter out) {
    DjlModelFile.write(out, spec, parameters);
  }

  @Override
  public void close() {
    closed = true;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("this DJL model was closed; load it again to predict");
    }
  }
}
