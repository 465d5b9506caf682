package org.movierec.backend.itemknn;

import java.util.List;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.file.SectionReader;
import org.movierec.core.file.SectionWriter;
import org.movierec.core.model.CatalogRanking;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.FoldInFit;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.RankingScore;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.ScoringModel;
import org.movierec.core.model.SimilarMovie;
import org.movierec.core.model.TrainedState;
import org.movierec.core.model.UnknownIdException;

/**
 * A trained item-kNN model: lists ranked by the sum of the kept cosine similarities of each movie
 * to the user's rated movies, ratings predicted by Koren's kNN-baseline (see {@link KnnScorer}). A
 * user is their ratings, so a new user folds in exactly and at once: the fold-in fits only the
 * user's bias, and the lists and estimates come from the given ratings themselves. Similar movies
 * are a movie's kept neighbours by similarity; the movies outside its list have similarity 0.
 *
 * <p>Its file holds the shared {@link TrainedState} and two sections of its own: {@value
 * #NEIGHBOURS} (the kept similarities, as rows by source movie) and {@value #RATINGS} (each rated
 * pair's rating, aligned with the state's rated items, from which residuals are recomputed).
 */
public final class ItemKnnModel extends ScoringModel {

  /** The section of kept similarities. */
  static final String NEIGHBOURS = "neighbours";

  /** The section of each rated pair's rating. */
  static final String RATINGS = "ratings";

  /** What the lists of an item-kNN model are ordered by. */
  public static final RankingScore SIMILARITY_SUM =
      new RankingScore(
          "similarity_sum",
          "the sum of the movie's cosine similarities to the user's rated movies among its"
              + " nearest neighbours");

  /**
   * The largest bias estimate, in rating points, that a file may imply for a user or a movie on its
   * own; fitted biases stay within a few points of the scale, and bounding them keeps every
   * residual sum finite.
   */
  private static final float MAX_BIAS_ESTIMATE = 1e6f;

  private final KnnScorer scorer;
  private volatile boolean closed;

  ItemKnnModel(TrainedState state, ColdStartPolicy policy, KnnScorer scorer) {
    super(state, policy);
    this.scorer = scorer;
  }

  /** Reads a model written by {@link #save}. */
  static ItemKnnModel load(ModelFile file, ColdStartPolicy policy) {
    TrainedState state = TrainedState.readFrom(file);
    requireSaneBiases(file, state);
    SectionReader neighboursIn = file.reader(NEIGHBOURS);
    ItemNeighbours neighbours = ItemNeighbours.readFrom(neighboursIn, state.movies().size());
    neighboursIn.expectEnd();
    SectionReader ratingsIn = file.reader(RATINGS);
    float[] ratings = ratingsIn.getFloats();
    ratingsIn.expectEnd();
    int pairs = state.rated().offsets()[state.users().size()];
    if (ratings.length != pairs) {
      throw ratingsIn.corrupt(ratings.length + " ratings for " + pairs + " rated pairs");
    }
    for (int n = 0; n < ratings.length; n++) {
      if (!(ratings[n] >= state.scale().min() && ratings[n] <= state.scale().max())) {
        throw ratingsIn.corrupt(
            "rating " + n + " is " + ratings[n] + ", outside the scale " + state.scale());
      }
    }
    return new ItemKnnModel(
        state, policy, new KnnScorer(state.biases(), state.rated(), ratings, neighbours));
  }

  @Override
  public RankingScore rankingScore() {
    return SIMILARITY_SUM;
  }

  @Override
  protected void scoreKnown(int[] denseUsers, int[] denseMovies, int count, float[] out) {
    ensureOpen();
    KnnScorer.User user = null;
    for (int n = 0; n < count; n++) {
      if (n == 0 || denseUsers[n] != denseUsers[n - 1]) {
        user = scorer.user(denseUsers[n]);
      }
      out[n] = scorer.estimate(user, denseMovies[n]);
    }
  }

  @Override
  protected void scoreCatalog(int denseUser, float[] out) {
    ensureOpen();
    scorer.estimateCatalog(scorer.user(denseUser), out);
  }

  @Override
  protected void rankCatalog(int denseUser, float[] out) {
    ensureOpen();
    scorer.rankCatalog(scorer.user(denseUser), out);
  }

  @Override
  protected void scoreFoldedIn(FoldInFit user, int[] denseMovies, int count, float[] out) {
    ensureOpen();
    KnnScorer.User folded = folded(user);
    for (int n = 0; n < count; n++) {
      out[n] = scorer.estimate(folded, denseMovies[n]);
    }
  }

  @Override
  protected void scoreCatalog(FoldInFit user, float[] out) {
    ensureOpen();
    scorer.estimateCatalog(folded(user), out);
  }

  @Override
  protected void rankCatalog(FoldInFit user, float[] out) {
    ensureOpen();
    scorer.rankCatalog(folded(user), out);
  }

  /**
   * The user's ratings are the whole fit: the default {@link #foldInVector} leaves the vector
   * empty, and the lists and estimates read {@link FoldInFit#ratings()} directly.
   */
  @Override
  public FoldedUser foldIn(List<MovieRating> ratings) {
    ensureOpen();
    return super.foldIn(ratings);
  }

  @Override
  public float[] predict(int[] rawUserIds, int[] rawMovieIds) {
    ensureOpen();
    return super.predict(rawUserIds, rawMovieIds);
  }

  @Override
  public float[] rankingScores(int rawUserId, int[] rawMovieIds) {
    ensureOpen();
    return super.rankingScores(rawUserId, rawMovieIds);
  }

  @Override
  public List<Recommendation> recommend(int rawUserId, RecommendRequest request) {
    ensureOpen();
    return super.recommend(rawUserId, request);
  }

  /**
   * The movie's kept neighbours, most similar first, then the rest of the admitted catalog at
   * similarity 0 by raw id; never the movie itself.
   *
   * @throws UnknownIdException when the model does not know the movie
   */
  @Override
  public List<SimilarMovie> similarMovies(int rawMovieId, RecommendRequest request) {
    ensureOpen();
    int movie = movies().indexOf(rawMovieId);
    if (movie < 0) {
      throw new UnknownIdException(
          "movie", rawMovieId, "similar movies need a movie the model was trained on");
    }
    if (request.count() == 0) {
      return List.of();
    }
    float[] similarities = new float[movies().size()];
    scorer.neighbours().neighboursOf(movie, similarities);
    return List.copyOf(
        CatalogRanking.rank(
            similarities, new int[] {movie}, popularity(), request, SimilarMovie::new));
  }

  @Override
  protected void writeBackendSections(ModelFileWriter out) {
    SectionWriter neighbours = new SectionWriter();
    scorer.neighbours().writeTo(neighbours);
    out.section(NEIGHBOURS, neighbours);
    out.section(RATINGS, new SectionWriter().putFloats(scorer.ratings()));
  }

  @Override
  public void close() {
    closed = true;
  }

  private static void requireSaneBiases(ModelFile file, TrainedState state) {
    SectionReader biasesIn = file.reader("biases");
    for (int user = 0; user < state.users().size(); user++) {
      float estimate = state.biases().estimate(user, -1);
      if (!(Math.abs(estimate) <= MAX_BIAS_ESTIMATE)) {
        throw biasesIn.corrupt("user index " + user + " has bias estimate " + estimate);
      }
    }
    for (int movie = 0; movie < state.movies().size(); movie++) {
      float estimate = state.biases().estimate(-1, movie);
      if (!(Math.abs(estimate) <= MAX_BIAS_ESTIMATE)) {
        throw biasesIn.corrupt("movie index " + movie + " has bias estimate " + estimate);
      }
    }
  }

  private KnnScorer.User folded(FoldInFit user) {
    return scorer.foldedUser(user.bias(), user.ratedMovies(), user.ratings());
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("this item-kNN model was closed; load it again to use it");
    }
  }
}
