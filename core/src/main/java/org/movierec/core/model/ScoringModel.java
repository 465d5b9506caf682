package org.movierec.core.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import org.movierec.core.data.IdIndex;
import org.movierec.core.data.RatingScale;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileWriter;

/**
 * The part of a {@link Model} that is the same for every backend: raw-id lookup, the cold-start
 * policy, clipping, top-N selection and the common file sections. A backend only scores pairs of
 * known dense indices and stores its own parameters.
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
  public List<Recommendation> recommend(int rawUserId, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
    int user = state.users().indexOf(rawUserId);
    if (user < 0 && policy == ColdStartPolicy.ERROR) {
      throw new UnknownIdException("user", rawUserId);
    }
    int movieCount = state.movies().size();
    PriorityQueue<Recommendation> best = new PriorityQueue<>(Math.max(1, count), WORST_FIRST);
    int chunk = Math.min(Math.max(1, movieCount), SCORING_CHUNK);
    int[] users = new int[chunk];
    int[] movies = new int[chunk];
    float[] scores = new float[chunk];
    Arrays.fill(users, user);
    for (int start = 0; start < movieCount && count > 0; start += chunk) {
      int length = 0;
      for (int movie = start; movie < Math.min(movieCount, start + chunk); movie++) {
        if (user < 0 || !state.rated().contains(user, movie)) {
          movies[length++] = movie;
        }
      }
      if (user >= 0) {
        scoreKnown(users, movies, length, scores);
      } else {
        for (int i = 0; i < length; i++) {
          scores[i] = state.biases().estimate(-1, movies[i]);
        }
      }
      for (int i = 0; i < length; i++) {
        Recommendation candidate =
            new Recommendation(state.movies().rawId(movies[i]), state.scale().clip(scores[i]));
        if (best.size() < count) {
          best.add(candidate);
        } else if (WORST_FIRST.compare(candidate, best.peek()) > 0) {
          best.poll();
          best.add(candidate);
        }
      }
    }
    List<Recommendation> ranked = new ArrayList<>(best);
    ranked.sort(WORST_FIRST.reversed());
    return List.copyOf(ranked);
  }

  @Override
  public void save(Path file) throws IOException {
    ModelFileWriter out = ModelFile.writer(info().backend());
    state.writeTo(out);
    writeBackendSections(out);
    out.writeTo(file);
  }

  private static final java.util.Comparator<Recommendation> WORST_FIRST =
      java.util.Comparator.comparingDouble(Recommendation::predictedRating)
          .thenComparing(Recommendation::rawMovieId, java.util.Comparator.reverseOrder());

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
