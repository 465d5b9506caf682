package org.movierec.backend.ease;

import java.util.Arrays;
import java.util.List;
import org.movierec.core.bias.Biases;
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
 * A trained EASE model: lists are ordered by the user's binary row of who-rated-what times the
 * learned weights {@code B} (the sum of the weight rows of the movies they rated), predicted
 * ratings are the bias estimate {@code mean + userBias + movieBias} of the shared {@link
 * TrainedState}, clipped to the scale. A new user is their ratings, so fold-in is exact and
 * immediate: their list sums the rows of the movies they rated, as a trained user's does. Similar
 * movies are ranked by the partial correlation EASE's weights encode ({@link
 * EaseWeights#partialCorrelations}).
 */
public final class EaseModel extends ScoringModel {

  /** The model-file section that holds the weights. */
  static final String SECTION = "ease";

  /** What EASE's lists are ordered by. */
  static final RankingScore SCORE =
      new RankingScore(
          "ease_score",
          "the sum of EASE's learned weights from the user's rated movies to the movie: higher"
              + " means more likely to be watched, not rated higher");

  private final EaseWeights weights;
  private volatile boolean closed;

  EaseModel(TrainedState state, EaseWeights weights, ColdStartPolicy policy) {
    super(state, policy);
    if (weights.movies() != state.movies().size()) {
      throw new IllegalArgumentException(
          "weights for " + weights.movies() + " movies in a model of " + state.movies().size());
    }
    this.weights = weights;
  }

  /** Reads a model written by {@link #save}. */
  static EaseModel load(ModelFile file, ColdStartPolicy policy) {
    TrainedState state = TrainedState.readFrom(file);
    SectionReader in = file.reader(SECTION);
    EaseWeights weights = EaseWeights.readFrom(in, state.movies().size());
    in.expectEnd();
    return new EaseModel(state, weights, policy);
  }

  /** The learned weights, for tests in this package. */
  EaseWeights weights() {
    return weights;
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
    SectionWriter section = new SectionWriter();
    weights.writeTo(section);
    out.section(SECTION, section);
  }

  @Override
  public RankingScore rankingScore() {
    return SCORE;
  }

  @Override
  protected void rankCatalog(int denseUser, float[] out) {
    ensureOpen();
    weights.score(state().rated().moviesOf(denseUser), out);
  }

  /**
   * Sums the weight rows of the movies a new user rated, in ascending order as for a trained user,
   * so the same movies give the same list whatever order they were given in.
   */
  @Override
  protected void rankCatalog(FoldInFit user, float[] out) {
    ensureOpen();
    int[] rated = user.ratedMovies();
    Arrays.sort(rated);
    weights.score(rated, out);
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

  /**
   * The movies that go most with this one in EASE once every other movie is accounted for, best
   * first by their partial correlation (in [-1, 1]; see {@link EaseWeights#partialCorrelations}),
   * never the movie itself, among those the request admits.
   *
   * @throws UnknownIdException when the model does not know the movie
   */
  @Override
  public List<SimilarMovie> similarMovies(int rawMovieId, RecommendRequest request) {
    ensureOpen();
    int movie = state().movies().indexOf(rawMovieId);
    if (movie < 0) {
      throw new UnknownIdException(
          "movie", rawMovieId, "similar movies need a movie the model was trained on");
    }
    if (request.count() == 0) {
      return List.of();
    }
    float[] similarities = new float[weights.movies()];
    weights.partialCorrelations(movie, similarities);
    return List.copyOf(
        CatalogRanking.rank(
            similarities, new int[] {movie}, state().popularity(), request, SimilarMovie::new));
  }

  @Override
  public void close() {
    closed = true;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("this EASE model was closed; load it again to use it");
    }
  }
}
