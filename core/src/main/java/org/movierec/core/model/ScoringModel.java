package org.movierec.core.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.movierec.core.data.IdIndex;
import org.movierec.core.data.RatingScale;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileWriter;

/**
 * The part of a {@link Model} that is the same for every backend: raw-id lookup, the cold-start
 * policy, clipping, top-N selection and the common file sections. A backend only scores pairs of
 * known dense indices ({@link #scoreKnown}) and stores its own parameters; it may also score a user
 * against the whole catalog faster ({@link #scoreCatalog}).
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
    int[] rated;
    if (user >= 0) {
      scoreCatalog(user, scores);
      rated = state.rated().moviesOf(user);
    } else {
      for (int movie = 0; movie < scores.length; movie++) {
        scores[movie] = state.biases().estimate(-1, movie);
      }
      rated = new int[0];
    }
    RatingScale scale = state.scale();
    return List.copyOf(
        CatalogRanking.rank(
            scores,
            rated,
            state.popularity(),
            request,
            (rawMovieId, score) -> new Recommendation(rawMovieId, score, scale.clip(score))));
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
