package org.movierec.core.bias;

import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.file.SectionReader;
import org.movierec.core.file.SectionWriter;

/**
 * The bias estimate {@code mean + userBias + movieBias}, fitted by alternating least squares with
 * separate regularization for users and movies. It is the baseline backend's whole model and every
 * other model's answer for users or movies it never saw.
 */
public final class Biases {

  private final float globalMean;
  private final float[] userBias;
  private final float[] movieBias;

  private Biases(float globalMean, float[] userBias, float[] movieBias) {
    this.globalMean = globalMean;
    this.userBias = userBias;
    this.movieBias = movieBias;
  }

  /**
   * Fits biases with the regularization and sweeps a configuration declares ({@code bias_reg_user},
   * {@code bias_reg_movie}, {@code bias_iterations}).
   */
  public static Biases fit(RatingDataset data, TrainingConfig config) {
    return fit(
        data,
        config.get(Keys.BIAS_REG_USER),
        config.get(Keys.BIAS_REG_MOVIE),
        config.get(Keys.BIAS_ITERATIONS));
  }

  /**
   * Fits biases to a dataset, indexed by its dense user and movie indices.
   *
   * @param regUser regularization of user biases (Surprise's {@code reg_u}, default 15)
   * @param regMovie regularization of movie biases (Surprise's {@code reg_i}, default 10)
   * @param iterations alternating sweeps, each updating all users then all movies
   */
  public static Biases fit(RatingDataset data, double regUser, double regMovie, int iterations) {
    int n = data.size();
    if (n == 0) {
      throw new IllegalArgumentException("cannot fit biases to an empty dataset");
    }
    int[] users = data.userIndices();
    int[] movies = data.movieIndices();
    float[] ratings = data.ratings();
    double mean = 0;
    for (float rating : ratings) {
      mean += rating;
    }
    mean /= n;
    int[] userCount = new int[data.users().size()];
    int[] movieCount = new int[data.movies().size()];
    for (int row = 0; row < n; row++) {
      userCount[users[row]]++;
      movieCount[movies[row]]++;
    }
    double[] bu = new double[userCount.length];
    double[] bi = new double[movieCount.length];
    double[] sum = new double[Math.max(bu.length, bi.length)];
    for (int sweep = 0; sweep < iterations; sweep++) {
      java.util.Arrays.fill(sum, 0);
      for (int row = 0; row < n; row++) {
        sum[users[row]] += ratings[row] - mean - bi[movies[row]];
      }
      for (int u = 0; u < bu.length; u++) {
        bu[u] = sum[u] / (regUser + userCount[u]);
      }
      java.util.Arrays.fill(sum, 0);
      for (int row = 0; row < n; row++) {
        sum[movies[row]] += ratings[row] - mean - bu[users[row]];
      }
      for (int i = 0; i < bi.length; i++) {
        bi[i] = sum[i] / (regMovie + movieCount[i]);
      }
    }
    return new Biases((float) mean, toFloats(bu), toFloats(bi));
  }

  /**
   * The estimate for a pair; pass {@code -1} for a user or movie that is unknown, whose bias then
   * counts as zero.
   */
  public float estimate(int denseUser, int denseMovie) {
    float estimate = globalMean;
    if (denseUser >= 0) {
      estimate += userBias[denseUser];
    }
    if (denseMovie >= 0) {
      estimate += movieBias[denseMovie];
    }
    return estimate;
  }

  /**
   * The estimate for a user these biases never saw, whose bias was fitted separately ({@link
   * #fitUserBias}), and a known movie: the same sum in the same order as {@link #estimate} for a
   * known pair, so both give the same float for the same bias.
   */
  public float estimateWithUserBias(float userBias, int denseMovie) {
    float estimate = globalMean;
    estimate += userBias;
    estimate += movieBias[denseMovie];
    return estimate;
  }

  /**
   * The bias of a user these biases never saw, from their ratings with the movie biases held fixed:
   * the same closed-form step the fit takes for every user, {@code sum(r - mean - movieBias) /
   * (regUser + n)}, so a new user is regularized exactly as a trained one.
   *
   * @param denseMovies the rated movies, by dense index
   * @param ratings their ratings
   * @param regUser the regularization the biases were fitted with
   */
  public float fitUserBias(int[] denseMovies, float[] ratings, double regUser) {
    double sum = 0;
    for (int i = 0; i < denseMovies.length; i++) {
      sum += ratings[i] - globalMean - movieBias[denseMovies[i]];
    }
    return (float) (sum / (regUser + denseMovies.length));
  }

  /**
   * The RMSE of these biases on {@code ratings}, looked up by raw id in the indices of {@code
   * fitted} (the dataset they were fitted to), clipped to its scale; an unknown user or movie
   * counts as zero bias. {@code NaN} for no ratings.
   */
  public double rmse(RatingDataset fitted, RatingDataset ratings) {
    double squares = 0;
    for (int row = 0; row < ratings.size(); row++) {
      int user = fitted.users().indexOf(ratings.rawUserId(row));
      int movie = fitted.movies().indexOf(ratings.rawMovieId(row));
      double error = fitted.scale().clip(estimate(user, movie)) - ratings.rating(row);
      squares += error * error;
    }
    return ratings.size() == 0 ? Double.NaN : Math.sqrt(squares / ratings.size());
  }

  /** The mean training rating. */
  public float globalMean() {
    return globalMean;
  }

  /** The number of users with a bias. */
  public int userCount() {
    return userBias.length;
  }

  /** The number of movies with a bias. */
  public int movieCount() {
    return movieBias.length;
  }

  /** Appends these biases to a model-file section. */
  public void writeTo(SectionWriter out) {
    out.putFloat(globalMean).putFloats(userBias).putFloats(movieBias);
  }

  /** Reads biases written by {@link #writeTo}. */
  public static Biases readFrom(SectionReader in) {
    float mean = in.getFloat();
    float[] users = in.getFloats();
    float[] movies = in.getFloats();
    if (!Float.isFinite(mean)) {
      throw in.corrupt("global mean is " + mean);
    }
    requireFinite(in, "user", users);
    requireFinite(in, "movie", movies);
    return new Biases(mean, users, movies);
  }

  /** Refuses a NaN or infinite bias, which would turn every prediction it touches into NaN. */
  private static void requireFinite(SectionReader in, String kind, float[] biases) {
    for (int i = 0; i < biases.length; i++) {
      if (!Float.isFinite(biases[i])) {
        throw in.corrupt(kind + " bias " + i + " is " + biases[i]);
      }
    }
  }

  private static float[] toFloats(double[] values) {
    float[] floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      floats[i] = (float) values[i];
    }
    return floats;
  }
}
