package org.movierec.core.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.movierec.core.bias.Biases;
import org.movierec.core.data.IdIndex;
import org.movierec.core.data.RatingScale;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileWriter;

/**
 * The part of a {@link Model} that is the same for every backend: raw-id lookup, the cold-start
 * policy, clipping, top-N selection, fold-in, similar movies and the common file sections. A
 * backend only scores pairs of known dense indices ({@link #scoreKnown}) and stores its own
 * parameters; it may also score a user against the whole catalog faster ({@link #scoreCatalog}),
 * rank by a score of its own rather than the rating estimate ({@link #rankCatalog(int, float[])}),
 * fit new users' own parameters ({@link #foldInVector}) and offer movie vectors ({@link
 * #movieVectors}).
 */
public abstract class ScoringModel implements Model {

  /** Pairs scored per call to {@link #scoreKnown}, bounding temporary memory. */
  protected static final int SCORING_CHUNK = 8192;

  private final TrainedState state;
  private final ColdStartPolicy policy;

  /** A model over a trained state that treats unknown ids by the given policy. */
  protected ScoringModel(TrainedState state, ColdStartPolicy policy) {
    this.state = Objects.requireNonNull(state, "state");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * Scores pairs of known dense indices into {@code out[0..count)}, before clipping. Must be safe
   * to call from many threads at once.
   */
  protected abstract void scoreKnown(int[] denseUsers, int[] denseMovies, int count, float[] out);

  /** Adds the backend's own sections, such as network parameters, to a model file. */
  protected abstract void writeBackendSections(ModelFileWriter out);

  /** The shared state: id maps, scale, rated items, biases and provenance. */
  public TrainedState state() {
    return state;
  }

  @Override
  public ModelInfo info() {
    return state.info();
  }

  @Override
  public IdIndex users() {
    return state.users();
  }

  @Override
  public IdIndex movies() {
    return state.movies();
  }

  @Override
  public RatingScale scale() {
    return state.scale();
  }

  @Override
  public ColdStartPolicy coldStartPolicy() {
    return policy;
  }

  @Override
  public float predict(int rawUserId, int rawMovieId) {
    return predict(new int[] {rawUserId}, new int[] {rawMovieId})[0];
  }

  @Override
  public float[] predict(int[] rawUserIds, int[] rawMovieIds) {
    if (rawUserIds.length != rawMovieIds.length) {
      throw new IllegalArgumentException(
          rawUserIds.length + " user ids but " + rawMovieIds.length + " movie ids");
    }
    int n = rawUserIds.length;
    float[] result = new float[n];
    int chunk = Math.min(n, SCORING_CHUNK);
    int[] users = new int[chunk];
    int[] movies = new int[chunk];
    int[] positions = new int[chunk];
    float[] scores = new float[chunk];
    int pending = 0;
    for (int i = 0; i < n; i++) {
      int user = state.users().indexOf(rawUserIds[i]);
      int movie = state.movies().indexOf(rawMovieIds[i]);
      if (user < 0 || movie < 0) {
        result[i] = coldStart(rawUserIds[i], user, rawMovieIds[i], movie);
        continue;
      }
      users[pending] = user;
      movies[pending] = movie;
      positions[pending] = i;
      if (++pending == chunk) {
        scoreInto(users, movies, positions, pending, scores, result);
        pending = 0;
      }
    }
    if (pending > 0) {
      scoreInto(users, movies, positions, pending, scores, result);
    }
    return result;
  }

  /**
   * What lists are ordered by: {@link RankingScore#RATING_ESTIMATE} unless the backend overrides
   * this together with both {@code rankCatalog} hooks, which then give its own score.
   */
  @Override
  public RankingScore rankingScore() {
    return RankingScore.RATING_ESTIMATE;
  }

  @Override
  public float[] rankingScores(int rawUserId, int[] rawMovieIds) {
    int user = state.users().indexOf(rawUserId);
    if (user < 0 && policy == ColdStartPolicy.ERROR) {
      throw new UnknownIdException("user", rawUserId);
    }
    float[] catalog = new float[state.movies().size()];
    if (user >= 0) {
      rankCatalog(user, catalog);
    } else {
      coldCatalog(catalog);
    }
    return pick(catalog, rawMovieIds);
  }

  @Override
  public List<Recommendation> recommend(int rawUserId, RecommendRequest request) {
    int user = state.users().indexOf(rawUserId);
    if (user < 0 && policy == ColdStartPolicy.ERROR) {
      throw new UnknownIdException("user", rawUserId);
    }
    if (request.count() == 0) {
      return List.of();
    }
    float[] scores = new float[state.movies().size()];
    if (user < 0) {
      coldCatalog(scores);
      return rank(scores, new int[0], request, null);
    }
    rankCatalog(user, scores);
    return rank(
        scores,
        state.rated().moviesOf(user),
        request,
        (movies, count, out) -> {
          int[] users = new int[count];
          Arrays.fill(users, user);
          scoreKnown(users, movies, count, out);
        });
  }

  /**
   * Ranks a catalog scored for one user who rated the dense movies {@code ratedDense}; see {@link
   * RankedLists#rank}.
   */
  List<Recommendation> rank(
      float[] scores, int[] ratedDense, RecommendRequest request, RankedLists.Estimates estimates) {
    return RankedLists.rank(
        state, rankingScore().isRatingEstimate() ? null : estimates, scores, ratedDense, request);
  }

  /** Picks raw movies' scores out of a scored catalog; see {@link RankedLists#pick}. */
  float[] pick(float[] catalog, int[] rawMovieIds) {
    return RankedLists.pick(state.movies(), policy, catalog, rawMovieIds);
  }

  /** Scores the catalog for a user the model does not know: the bias estimate alone. */
  private void coldCatalog(float[] out) {
    for (int movie = 0; movie < out.length; movie++) {
      out[movie] = state.biases().estimate(-1, movie);
    }
  }

  /**
   * Fits a user the model never trained on to their ratings, with the model unchanged: the user's
   * bias in closed form with the model's {@code bias_reg_user}, then the backend's own user
   * parameters ({@link #foldInVector}). Ratings of movies the model does not know cannot inform the
   * fit, but are never recommended either.
   *
   * @throws IllegalArgumentException naming the movie when a movie is rated twice or a rating lies
   *     outside the model's scale
   */
  @Override
  public FoldedUser foldIn(List<MovieRating> ratings) {
    FoldInInput input = FoldInInput.of(ratings, state.movies(), state.scale());
    float bias =
        state
            .biases()
            .fitUserBias(
                input.denseMovies(), input.ratings(), FoldInInput.userRegularization(info()));
    float[] vector = foldInVector(input.denseMovies(), input.ratings(), bias);
    return new ScoringFoldedUser(
        this,
        ratings,
        input.sortedDenseMovies(),
        new FoldInFit(bias, vector, input.denseMovies(), input.ratings()));
  }

  /**
   * The backend's own parameters of a new user who gave {@code ratings[i]} to dense movie {@code
   * denseMovies[i]}, fitted against the frozen model; must be safe to call from many threads at
   * once. {@code userBias} is the user's bias already fitted in the bias estimate, for a backend
   * whose scores build on that estimate. The default has none: a backend without user parameters of
   * its own scores a new user by the bias estimate with the user's fitted bias ({@link
   * #scoreFoldedIn}).
   */
  protected float[] foldInVector(int[] denseMovies, float[] ratings, float userBias) {
    return new float[0];
  }

  /**
   * Scores a folded-in user against {@code count} dense movies into {@code out}, before clipping.
   * The default is the bias estimate with the user's fitted bias, summed in the order a known
   * user's estimate is ({@link Biases#estimateWithUserBias}); a backend that overrides {@link
   * #foldInVector} overrides this and {@link #scoreCatalog(FoldInFit, float[])} too.
   */
  protected void scoreFoldedIn(FoldInFit user, int[] denseMovies, int count, float[] out) {
    Biases biases = state.biases();
    for (int i = 0; i < count; i++) {
      out[i] = biases.estimateWithUserBias(user.bias(), denseMovies[i]);
    }
  }

  /**
   * Scores a folded-in user against the whole catalog, {@code out[m]} for dense movie {@code m},
   * before clipping; the default goes through {@link #scoreFoldedIn} in chunks.
   */
  protected void scoreCatalog(FoldInFit user, float[] out) {
    int chunk = Math.min(Math.max(1, out.length), SCORING_CHUNK);
    int[] movies = new int[chunk];
    float[] scores = new float[chunk];
    for (int start = 0; start < out.length; start += chunk) {
      int length = Math.min(chunk, out.length - start);
      for (int i = 0; i < length; i++) {
        movies[i] = start + i;
      }
      scoreFoldedIn(user, movies, length, scores);
      System.arraycopy(scores, 0, out, start, length);
    }
  }

  /**
   * The movies whose learned vectors point the most the same way as this one's (cosine), best
   * first, never the movie itself, among those the request admits.
   *
   * @throws UnknownIdException when the model does not know the movie
   * @throws UnsupportedByModelException when the backend learns no movie vectors
   */
  @Override
  public List<SimilarMovie> similarMovies(int rawMovieId, RecommendRequest request) {
    MovieVectors vectors =
        movieVectors()
            .orElseThrow(
                () ->
                    new UnsupportedByModelException(
                        "a "
                            + info().backend()
                            + " model learns no movie vectors to compare, so it cannot list"
                            + " similar movies; use a model of a backend that learns movie"
                            + " embeddings, such as backend=djl"));
    int movie = state.movies().indexOf(rawMovieId);
    if (movie < 0) {
      throw new UnknownIdException(
          "movie", rawMovieId, "similar movies need a movie the model was trained on");
    }
    if (request.count() == 0) {
      return List.of();
    }
    float[] similarities = new float[state.movies().size()];
    vectors.similarities(movie, similarities);
    return List.copyOf(
        CatalogRanking.rank(
            similarities, new int[] {movie}, state.popularity(), request, SimilarMovie::new));
  }

  /**
   * The backend's learned movie vectors, unit length, by dense movie index; empty for a backend
   * that learns none. A backend computes them once and keeps them.
   */
  protected Optional<MovieVectors> movieVectors() {
    return Optional.empty();
  }

  @Override
  public MoviePopularity popularity() {
    return state.popularity();
  }

  @Override
  public int[] ratedMovies(int rawUserId) {
    int user = state.users().indexOf(rawUserId);
    if (user < 0) {
      return new int[0];
    }
    int[] movies = state.rated().moviesOf(user);
    for (int i = 0; i < movies.length; i++) {
      movies[i] = state.movies().rawId(movies[i]);
    }
    Arrays.sort(movies);
    return movies;
  }

  /**
   * Scores one known user against the whole catalog: fills {@code out[m]} with the raw, unclipped
   * score of dense movie {@code m} for every {@code m < movies().size()}. {@link #recommend} calls
   * it once per request and ranks the result, so this hook is where a backend makes top-N fast.
   *
   * <p>The default scores through {@link #scoreKnown} in chunks of {@link #SCORING_CHUNK}. A
   * backend that can do better, for example by holding the movie side of its network precomputed,
   * overrides it; the override must give the same scores as {@link #scoreKnown} (up to float
   * rounding), must not keep {@code out}, and must be safe to call from many threads at once.
   *
   * @param denseUser a known user's dense index
   * @param out receives one score per movie; its length is the number of movies
   */
  protected void scoreCatalog(int denseUser, float[] out) {
    int movieCount = out.length;
    int chunk = Math.min(Math.max(1, movieCount), SCORING_CHUNK);
    int[] users = new int[chunk];
    int[] movies = new int[chunk];
    float[] scores = new float[chunk];
    Arrays.fill(users, denseUser);
    for (int start = 0; start < movieCount; start += chunk) {
      int length = Math.min(chunk, movieCount - start);
      for (int i = 0; i < length; i++) {
        movies[i] = start + i;
      }
      scoreKnown(users, movies, length, scores);
      System.arraycopy(scores, 0, out, start, length);
    }
  }

  /**
   * Fills {@code out[m]} with a known user's ranking score of dense movie {@code m}, the order of
   * their lists. The default is the rating estimate, {@link #scoreCatalog(int, float[])}; a backend
   * with a ranking score of its own overrides this, {@link #rankCatalog(FoldInFit, float[])} and
   * {@link #rankingScore}. Must be safe to call from many threads at once.
   */
  protected void rankCatalog(int denseUser, float[] out) {
    scoreCatalog(denseUser, out);
  }

  /**
   * Fills {@code out[m]} with a folded-in user's ranking score of dense movie {@code m}; the
   * default is their rating estimate, {@link #scoreCatalog(FoldInFit, float[])}.
   */
  protected void rankCatalog(FoldInFit user, float[] out) {
    scoreCatalog(user, out);
  }

  @Override
  public void save(Path file) throws IOException {
    ModelFileWriter out = ModelFile.writer(info().backend());
    state.writeTo(out);
    writeBackendSections(out);
    out.writeTo(file);
  }

  private void scoreInto(
      int[] users, int[] movies, int[] positions, int count, float[] scores, float[] result) {
    scoreKnown(users, movies, count, scores);
    for (int i = 0; i < count; i++) {
      result[positions[i]] = state.scale().clip(scores[i]);
    }
  }

  private float coldStart(int rawUser, int user, int rawMovie, int movie) {
    if (policy == ColdStartPolicy.ERROR) {
      throw user < 0
          ? new UnknownIdException("user", rawUser)
          : new UnknownIdException("movie", rawMovie);
    }
    return state.scale().clip(state.biases().estimate(user, movie));
  }
}
