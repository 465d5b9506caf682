package org.movierec.core.contract;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;

/**
 * A small learnable ratings set for contract tests: 60 users and 40 movies, about 1500 whole-star
 * ratings drawn from a seeded rule {@code 3.5 + user bias + movie bias + user · movie factors +
 * noise}, rounded and clipped to 1..5, plus one user who rates everything 5 and one who rates
 * everything 1, so that clipping matters. Every fifth rating of each user is held out for testing;
 * every test user and movie also has training ratings. Raw ids differ from dense indices.
 */
public final class SyntheticRatings {

  /** The number of users. */
  public static final int USERS = 60;

  /** The number of movies. */
  public static final int MOVIES = 40;

  /** A raw user id that appears nowhere in the data. */
  public static final int UNKNOWN_USER = 999_001;

  /** A raw movie id that appears nowhere in the data. */
  public static final int UNKNOWN_MOVIE = 999_002;

  /** The seed {@link #create()} uses. */
  public static final long DEFAULT_SEED = 20_240_611L;

  private static final int FACTORS = 3;
  private static final double RATED_SHARE = 0.625;

  private final ColumnarRatings all;
  private final RatingDataset train;
  private final RatingDataset test;

  private SyntheticRatings(ColumnarRatings all, RatingDataset train, RatingDataset test) {
    this.all = all;
    this.train = train;
    this.test = test;
  }

  /** The data drawn with {@link #DEFAULT_SEED}. */
  public static SyntheticRatings create() {
    return create(DEFAULT_SEED);
  }

  /** The data drawn with the given seed. */
  public static SyntheticRatings create(long seed) {
    Random random = new Random(seed);
    double[] userBias = gaussians(random, USERS, 0.45);
    double[] movieBias = gaussians(random, MOVIES, 0.45);
    double[][] userFactors = new double[USERS][];
    double[][] movieFactors = new double[MOVIES][];
    for (int u = 0; u < USERS; u++) {
      userFactors[u] = gaussians(random, FACTORS, 0.5);
    }
    for (int m = 0; m < MOVIES; m++) {
      movieFactors[m] = gaussians(random, FACTORS, 0.5);
    }
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS, USERS * MOVIES);
    for (int u = 0; u < USERS; u++) {
      for (int m = 0; m < MOVIES; m++) {
        if (random.nextDouble() >= RATED_SHARE) {
          continue;
        }
        double value = 3.5 + userBias[u] + movieBias[m] + random.nextGaussian() * 0.25;
        for (int f = 0; f < FACTORS; f++) {
          value += userFactors[u][f] * movieFactors[m][f];
        }
        float rating = (float) Math.max(1, Math.min(5, Math.rint(value)));
        if (u == 0) {
          rating = 5;
        } else if (u == 1) {
          rating = 1;
        }
        builder.add(rawUser(u), rawMovie(m), rating, 880_000_000L + builder.size());
      }
    }
    ColumnarRatings all = builder.build();
    boolean[] inTest = holdOutEveryFifth(all);
    int[] trainRows = IntStream.range(0, all.size()).filter(row -> !inTest[row]).toArray();
    int[] testRows = IntStream.range(0, all.size()).filter(row -> inTest[row]).toArray();
    return new SyntheticRatings(all, all.select(trainRows), all.select(testRows));
  }

  /** The raw id of the user with dense number {@code u} in {@code 0..USERS-1}. */
  public static int rawUser(int u) {
    return 1000 + 7 * u;
  }

  /** The raw id of the movie with dense number {@code m} in {@code 0..MOVIES-1}. */
  public static int rawMovie(int m) {
    return 500 + 3 * m;
  }

  /** Every rating, train and test. */
  public RatingDataset all() {
    return all;
  }

  /** The training ratings, a view sharing the id indices of {@link #all()}. */
  public RatingDataset train() {
    return train;
  }

  /** The held-out ratings, a view sharing the id indices of {@link #all()}. */
  public RatingDataset test() {
    return test;
  }

  /**
   * Raw user ids of every user-movie combination, unknown ids included; index-aligned with {@link
   * #pairMovies()}.
   */
  public static int[] pairUsers() {
    int[] users = new int[(USERS + 1) * (MOVIES + 1)];
    for (int u = 0; u <= USERS; u++) {
      Arrays.fill(
          users, u * (MOVIES + 1), (u + 1) * (MOVIES + 1), u < USERS ? rawUser(u) : UNKNOWN_USER);
    }
    return users;
  }

  /** Raw movie ids of every user-movie combination, index-aligned with {@link #pairUsers()}. */
  public static int[] pairMovies() {
    int[] movies = new int[(USERS + 1) * (MOVIES + 1)];
    for (int i = 0; i < movies.length; i++) {
      int m = i % (MOVIES + 1);
      movies[i] = m < MOVIES ? rawMovie(m) : UNKNOWN_MOVIE;
    }
    return movies;
  }

  /** Raw user ids of the known users, in dense order. */
  public static int[] knownUsers() {
    return IntStream.range(0, USERS).map(SyntheticRatings::rawUser).toArray();
  }

  /**
   * Marks every fifth rating of each user for testing, then returns to training any test rating
   * whose movie would otherwise have no training rating.
   */
  private static boolean[] holdOutEveryFifth(RatingDataset all) {
    boolean[] inTest = new boolean[all.size()];
    int[] seenPerUser = new int[all.users().size()];
    for (int row = 0; row < all.size(); row++) {
      inTest[row] = seenPerUser[all.userIndex(row)]++ % 5 == 2;
    }
    int[] trainPerMovie = new int[all.movies().size()];
    for (int row = 0; row < all.size(); row++) {
      if (!inTest[row]) {
        trainPerMovie[all.movieIndex(row)]++;
      }
    }
    for (int row = 0; row < all.size(); row++) {
      if (inTest[row] && trainPerMovie[all.movieIndex(row)] == 0) {
        inTest[row] = false;
        trainPerMovie[all.movieIndex(row)]++;
      }
    }
    return inTest;
  }

  private static double[] gaussians(Random random, int count, double scale) {
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = random.nextGaussian() * scale;
    }
    return values;
  }
}
