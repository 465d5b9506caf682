package org.movierec.backend.djl;

import java.util.Optional;
import org.movierec.core.config.Keys;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.FoldInFit;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.MovieVectors;
import org.movierec.core.model.RankingScore;
import org.movierec.core.model.RatedItems;
import org.movierec.core.model.ScoringModel;
import org.movierec.core.model.TrainedState;
import org.movierec.core.rank.CatalogThreads;
import org.movierec.core.training.EpochReport;
import org.movierec.core.training.LossKind;
import org.movierec.core.training.TrainingObjective;
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

  /** What lists of a model trained with a ranking objective are ordered by. */
  static final RankingScore RANKING_LOGIT =
      new RankingScore(
          "ranking_logit",
          "the network's ranking logit: the higher, the likelier the user rates the movie");

  /** Training pairs a ranking model without user history scores for its fold-in target. */
  private static final int TARGET_SAMPLE = 4096;

  private final NetworkSpec spec;
  private final DjlParameters parameters;
  private final TrainingObjective objective;
  private final DjlHistory history;
  private final DjlScorer scorer;
  private final DjlScorer rankingScorer;
  private final DjlUserFit userFit;
  private final DjlOffset offset;

  /** A new user's own part of their vector under a user history: the trained users' mean. */
  private final float[] meanOwn;

  /** What fold-in fits a ranking model's logits of rated movies to; NaN for other models. */
  private final float positiveLogit;

  private volatile MovieVectors movieVectors;
  private volatile boolean closed;

  /**
   * A model over a trained state, a spec and parameters that fit both, scoring lists on one thread.
   */
  DjlModel(TrainedState state, ColdStartPolicy policy, NetworkSpec spec, DjlParameters parameters) {
    this(state, policy, spec, parameters, CatalogThreads.single());
  }

  /**
   * A model over a trained state, a spec and parameters that fit both, which scores one user's
   * catalog on up to {@code catalogThreads}' threads.
   */
  DjlModel(
      TrainedState state,
      ColdStartPolicy policy,
      NetworkSpec spec,
      DjlParameters parameters,
      CatalogThreads catalogThreads) {
    super(state, policy);
    this.spec = spec;
    this.parameters = parameters;
    this.objective = objectiveOf(state.info());
    this.history =
        spec.history().usesHistory() ? DjlHistory.of(spec.history(), state.rated()) : null;
    DjlSplitNetwork network = DjlSplitNetwork.of(spec, parameters, history);
    this.scorer = new DjlScorer(network, catalogThreads);
    DjlSplitNetwork ranking =
        spec.hasRankingHead() ? network.rankingHead(spec, parameters) : network;
    this.rankingScorer = objective.ranks() ? new DjlScorer(ranking, catalogThreads) : scorer;
    this.offset = DjlOffset.of(state.info(), state.biases());
    DjlLayout layout = parameters.layout();
    this.meanOwn =
        spec.history().usesOwnEmbedding()
            ? DjlUserFit.mean(
                parameters.get(layout.userEmbedding()).values(), spec.userEmbedding().dim())
            : new float[spec.userEmbedding().dim()];
    boolean fitsLogits = objective == TrainingObjective.RANKING && history == null;
    // A model whose users come from their history needs no fit; one without fits its own vector
    // to the ratings (or, ranking, to the typical logit of a rated movie) against the trained
    // users' prior.
    this.userFit =
        new DjlUserFit(
            history == null ? network : DjlSplitNetwork.of(spec, parameters),
            fitsLogits ? DEFAULT_NOISE_VARIANCE : noiseVariance(state.info()));
    this.positiveLogit = fitsLogits ? positiveLogit(state, rankingScorer) : Float.NaN;
  }

  /** The objective a model was trained with, from its recorded configuration ({@code rating}). */
  static TrainingObjective objectiveOf(ModelInfo info) {
    String recorded = info.config().get(Keys.OBJECTIVE.name());
    return recorded == null ? TrainingObjective.RATING : Keys.OBJECTIVE.parse(recorded);
  }

  /**
   * The mean ranking logit of up to {@value #TARGET_SAMPLE} training pairs, spread evenly over the
   * ratings: what a movie a user rated scores, the target of a new user's fit.
   */
  private static float positiveLogit(TrainedState state, DjlScorer scorer) {
    RatedItems rated = state.rated();
    int[] offsets = rated.offsets();
    int[] movies = rated.movies();
    int total = movies.length;
    if (total == 0) {
      return 0f;
    }
    int count = Math.min(total, TARGET_SAMPLE);
    int[] users = new int[count];
    int[] picked = new int[count];
    int user = 0;
    for (int i = 0; i < count; i++) {
      int row = (int) ((long) i * total / count);
      while (offsets[user + 1] <= row) {
        user++;
      }
      users[i] = user;
      picked[i] = movies[row];
    }
    float[] logits = new float[count];
    scorer.score(users, picked, count, logits);
    double sum = 0;
    for (float logit : logits) {
      sum += logit;
    }
    return (float) (sum / count);
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

  /** The objective this model was trained with. */
  public TrainingObjective objective() {
    return objective;
  }

  /**
   * The rating estimate: the network's rating output plus the offset, or for a model trained with
   * {@code objective = ranking}, which has no rating output, the bias estimate.
   */
  @Override
  protected void scoreKnown(int[] denseUsers, int[] denseMovies, int count, float[] out) {
    ensureOpen();
    if (objective == TrainingObjective.RANKING) {
      for (int i = 0; i < count; i++) {
        out[i] = state().biases().estimate(denseUsers[i], denseMovies[i]);
      }
      return;
    }
    scorer.score(denseUsers, denseMovies, count, out);
    offset.add(denseUsers, denseMovies, count, out);
  }

  @Override
  protected void scoreCatalog(int denseUser, float[] out) {
    ensureOpen();
    if (objective == TrainingObjective.RANKING) {
      for (int movie = 0; movie < scorer.movieCount(); movie++) {
        out[movie] = state().biases().estimate(denseUser, movie);
      }
      return;
    }
    scorer.scoreCatalog(denseUser, out);
    offset.addCatalog(denseUser, scorer.movieCount(), out);
  }

  @Override
  public RankingScore rankingScore() {
    return objective.ranks() ? RANKING_LOGIT : RankingScore.RATING_ESTIMATE;
  }

  @Override
  protected void rankCatalog(int denseUser, float[] out) {
    if (!objective.ranks()) {
      scoreCatalog(denseUser, out);
      return;
    }
    ensureOpen();
    rankingScorer.scoreCatalog(denseUser, out);
  }

  @Override
  protected void rankCatalog(FoldInFit user, float[] out) {
    if (!objective.ranks()) {
      scoreCatalog(user, out);
      return;
    }
    ensureOpen();
    rankingScorer.scoreCatalog(user.vector(), out);
  }

  /**
   * A new user's vector: under a user history the trained users' mean own embedding plus the
   * history of the rated movies, at once; otherwise fitted against the frozen network to the
   * ratings (their residuals under {@code output_offset = biases}), or for a ranking model to the
   * mean logit of a training rating, under the prior of the trained users' vectors.
   */
  @Override
  protected float[] foldInVector(int[] denseMovies, float[] ratings, float userBias) {
    ensureOpen();
    if (history != null) {
      return historyVector(denseMovies);
    }
    if (objective == TrainingObjective.RANKING) {
      float[] targets = new float[denseMovies.length];
      java.util.Arrays.fill(targets, positiveLogit);
      return userFit.fit(denseMovies, targets);
    }
    return userFit.fit(denseMovies, offset.newUserTargets(userBias, denseMovies, ratings));
  }

  /**
   * The vector of a user who rated {@code denseMovies} under this model's user history: the trained
   * users' mean own embedding plus the history, the movies taken in ascending order as for a known
   * user.
   */
  float[] historyVector(int[] denseMovies) {
    int[] sorted = denseMovies.clone();
    java.util.Arrays.sort(sorted);
    float[] vector = meanOwn.clone();
    DjlLayout layout = parameters.layout();
    DjlHistory.addHistory(
        spec.history(),
        sorted,
        0,
        sorted.length,
        parameters.get(layout.movieEmbedding()).values(),
        spec.userEmbedding().dim(),
        vector,
        0);
    return vector;
  }

  @Override
  protected void scoreFoldedIn(FoldInFit user, int[] denseMovies, int count, float[] out) {
    ensureOpen();
    if (objective == TrainingObjective.RANKING) {
      super.scoreFoldedIn(user, denseMovies, count, out);
      return;
    }
    scorer.score(user.vector(), denseMovies, count, out);
    offset.addNewUser(user.bias(), denseMovies, count, out);
  }

  @Override
  protected void scoreCatalog(FoldInFit user, float[] out) {
    ensureOpen();
    if (objective == TrainingObjective.RANKING) {
      super.scoreCatalog(user, out);
      return;
    }
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
