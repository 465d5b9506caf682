package org.movierec.backend.djl;

import org.movierec.core.bias.Biases;
import org.movierec.core.config.Keys;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.training.OutputOffset;

/**
 * What the network's output is added to ({@code output_offset}): nothing, or the bias estimate
 * {@code mean + userBias + movieBias}. Training subtracts it from the ratings the network fits and
 * adds it to the network's validation predictions; the model adds it to every score. Every path
 * adds the same float for the same pair, so the scores of pairs and of the catalog stay equal bit
 * for bit; under {@code none} nothing is touched at all.
 */
final class DjlOffset {

  private static final DjlOffset NONE = new DjlOffset(null);

  private final Biases biases;

  private DjlOffset(Biases biases) {
    this.biases = biases;
  }

  /** The offset a configuration asks for over the biases a model keeps. */
  static DjlOffset of(OutputOffset kind, Biases biases) {
    return kind == OutputOffset.BIASES ? new DjlOffset(biases) : NONE;
  }

  /**
   * The offset a model was trained with, from its recorded configuration; a model file written
   * before {@code output_offset} existed has none.
   */
  static DjlOffset of(ModelInfo info, Biases biases) {
    String recorded = info.config().get(Keys.OUTPUT_OFFSET.name());
    return of(
        recorded == null ? Keys.OUTPUT_OFFSET.defaultValue() : Keys.OUTPUT_OFFSET.parse(recorded),
        biases);
  }

  /** Whether the network's output is the prediction itself. */
  boolean isNone() {
    return biases == null;
  }

  /** Adds the offset of known pairs to {@code out[0..count)}. */
  void add(int[] users, int[] movies, int count, float[] out) {
    if (biases != null) {
      for (int i = 0; i < count; i++) {
        out[i] += biases.estimate(users[i], movies[i]);
      }
    }
  }

  /** Adds a known user's offset for every movie to {@code out[m]}, {@code m < movies}. */
  void addCatalog(int user, int movies, float[] out) {
    if (biases != null) {
      for (int movie = 0; movie < movies; movie++) {
        out[movie] += biases.estimate(user, movie);
      }
    }
  }

  /** Adds the offset of a new user with a fitted bias to {@code out[i]} for {@code movies[i]}. */
  void addNewUser(float userBias, int[] movies, int count, float[] out) {
    if (biases != null) {
      for (int i = 0; i < count; i++) {
        out[i] += biases.estimateWithUserBias(userBias, movies[i]);
      }
    }
  }

  /** Adds a new user's offset for every movie to {@code out[m]}, {@code m < movies}. */
  void addNewUserCatalog(float userBias, int movies, float[] out) {
    if (biases != null) {
      for (int movie = 0; movie < movies; movie++) {
        out[movie] += biases.estimateWithUserBias(userBias, movie);
      }
    }
  }

  /**
   * What the network must fit for a new user's ratings: the ratings themselves, or their residuals
   * from the bias estimate with the user's fitted bias; never the caller's array.
   */
  float[] newUserTargets(float userBias, int[] movies, float[] ratings) {
    float[] targets = ratings.clone();
    if (biases != null) {
      for (int i = 0; i < targets.length; i++) {
        targets[i] -= biases.estimateWithUserBias(userBias, movies[i]);
      }
    }
    return targets;
  }

  /** The target of a known training pair: its rating, less the offset. */
  float target(int user, int movie, float rating) {
    return biases == null ? rating : rating - biases.estimate(user, movie);
  }
}
