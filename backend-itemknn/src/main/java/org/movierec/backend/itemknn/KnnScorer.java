package org.movierec.backend.itemknn;

import java.util.Arrays;
import org.movierec.core.bias.Biases;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.model.RatedItems;

/**
 * How an item-kNN model scores, for trained users and for users folded in from their ratings alike.
 * The ranking score of movie {@code j} is the sum of {@code sim(i, j)} over the user's rated movies
 * {@code i} among {@code j}'s neighbours; the rating estimate is Koren's kNN-baseline, the bias
 * estimate plus the similarity-weighted mean of the user's residuals (rating minus bias estimate)
 * over those same movies, or the bias estimate alone when the user rated none of them. A user's
 * movies are always taken in ascending order, so a pair scored alone and the whole catalog scored
 * at once give the same float. Immutable and safe to share between threads.
 */
final class KnnScorer {

  private final Biases biases;
  private final RatedItems rated;
  private final int[] offsets;
  private final float[] ratings;
  private final ItemNeighbours neighbours;

  /**
   * A scorer.
   *
   * @param ratings each rated pair's rating, aligned with {@code rated}'s rows
   */
  KnnScorer(Biases biases, RatedItems rated, float[] ratings, ItemNeighbours neighbours) {
    this.biases = biases;
    this.rated = rated;
    this.offsets = rated.offsets();
    this.ratings = ratings;
    this.neighbours = neighbours;
  }

  /**
   * The rating of every pair of {@code rated}, aligned with its rows, from the dataset it was
   * collected from; of a pair rated more than once, the last rating in the dataset's order.
   */
  static float[] alignRatings(RatingDataset data, RatedItems rated) {
    int[] rowOffsets = rated.offsets();
    int[] movies = rated.movies();
    float[] aligned = new float[movies.length];
    for (int row = 0; row < data.size(); row++) {
      int user = data.userIndex(row);
      int at =
          Arrays.binarySearch(movies, rowOffsets[user], rowOffsets[user + 1], data.movieIndex(row));
      aligned[at] = data.rating(row);
    }
    return aligned;
  }

  /** The kept similarities. */
  ItemNeighbours neighbours() {
    return neighbours;
  }

  /** The ratings aligned with the rated items, for storage. */
  float[] ratings() {
    return ratings.clone();
  }

  /** A user's rated movies, ascending, and their residuals, for a trained user. */
  User user(int denseUser) {
    int[] movies = rated.moviesOf(denseUser);
    float[] residuals = new float[movies.length];
    for (int n = 0; n < movies.length; n++) {
      residuals[n] = ratings[offsets[denseUser] + n] - biases.estimate(denseUser, movies[n]);
    }
    return new User(denseUser, 0f, movies, residuals);
  }

  /**
   * A folded-in user with bias {@code bias} who gave {@code givenRatings[n]} to dense movie {@code
   * givenMovies[n]}, in any order.
   */
  User foldedUser(float bias, int[] givenMovies, float[] givenRatings) {
    long[] packed = new long[givenMovies.length];
    for (int n = 0; n < packed.length; n++) {
      packed[n] = ((long) givenMovies[n] << 32) | n;
    }
    Arrays.sort(packed);
    int[] movies = new int[packed.length];
    float[] residuals = new float[packed.length];
    for (int n = 0; n < packed.length; n++) {
      movies[n] = (int) (packed[n] >>> 32);
      float rating = givenRatings[(int) packed[n]];
      residuals[n] = rating - biases.estimateWithUserBias(bias, movies[n]);
    }
    return new User(-1, bias, movies, residuals);
  }

  /** The rating estimate of one movie, before clipping. */
  float estimate(User user, int movie) {
    float numerator = 0;
    float denominator = 0;
    for (int n = 0; n < user.movies.length; n++) {
      float similarity = neighbours.similarity(user.movies[n], movie);
      if (similarity > 0) {
        numerator += similarity * user.residuals[n];
        denominator += similarity;
      }
    }
    return user.base(biases, movie) + (denominator > 0 ? numerator / denominator : 0f);
  }

  /** Fills {@code out[j]} with the rating estimate of every movie, before clipping. */
  void estimateCatalog(User user, float[] out) {
    Arrays.fill(out, 0f);
    float[] denominators = new float[out.length];
    for (int n = 0; n < user.movies.length; n++) {
      neighbours.addWeightedRow(user.movies[n], user.residuals[n], out, denominators);
    }
    for (int movie = 0; movie < out.length; movie++) {
      float denominator = denominators[movie];
      out[movie] = user.base(biases, movie) + (denominator > 0 ? out[movie] / denominator : 0f);
    }
  }

  /** Fills {@code out[j]} with the ranking score of every movie: its similarity sum. */
  void rankCatalog(User user, float[] out) {
    Arrays.fill(out, 0f);
    for (int movie : user.movies) {
      neighbours.addRow(movie, out);
    }
  }

  /**
   * The RMSE on {@code ratings} of the clipped estimates, with ids looked up in {@code fitted}'s
   * maps (the dataset this scorer was built on); a pair with an unknown user or movie gets the bias
   * estimate. {@code NaN} for no ratings.
   */
  double rmse(RatingDataset fitted, RatingDataset ratings, RatingScale scale) {
    double squares = 0;
    User last = null;
    for (int row = 0; row < ratings.size(); row++) {
      int user = fitted.users().indexOf(ratings.rawUserId(row));
      int movie = fitted.movies().indexOf(ratings.rawMovieId(row));
      float estimate;
      if (user < 0 || movie < 0) {
        estimate = biases.estimate(user, movie);
      } else {
        if (last == null || last.denseUser != user) {
          last = user(user);
        }
        estimate = estimate(last, movie);
      }
      double error = scale.clip(estimate) - ratings.rating(row);
      squares += error * error;
    }
    return ratings.size() == 0 ? Double.NaN : Math.sqrt(squares / ratings.size());
  }

  /**
   * One user as the scorer sees them: their rated movies ascending and the residual of each, and
   * either a trained user's index or a folded-in user's bias.
   */
  static final class User {
    private final int denseUser;
    private final float bias;
    private final int[] movies;
    private final float[] residuals;

    private User(int denseUser, float bias, int[] movies, float[] residuals) {
      this.denseUser = denseUser;
      this.bias = bias;
      this.movies = movies;
      this.residuals = residuals;
    }

    /** The bias estimate of a movie for this user. */
    float base(Biases biases, int movie) {
      return denseUser >= 0
          ? biases.estimate(denseUser, movie)
          : biases.estimateWithUserBias(bias, movie);
    }
  }
}
