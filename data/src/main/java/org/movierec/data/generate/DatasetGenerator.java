package org.movierec.data.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.movierec.core.data.MovieInfo;
import org.movierec.core.data.RatingScale;
import org.movierec.core.random.Shuffle;
import org.movierec.data.Layout;
import org.movierec.data.movielens.MoviesWriter;
import org.movierec.data.movielens.RatingsWriter;

/**
 * Writes a synthetic MovieLens dataset: ratings from a latent-factor model (user and movie biases
 * plus a dot product of factors plus noise, cut into levels so the histogram matches MovieLens'),
 * movies drawn with Zipf-like popularity, users with log-normal activity, titles and genres
 * invented. Ratings stream out user by user, so memory grows with users and movies, not ratings.
 */
public final class DatasetGenerator {

  /** Zipf-Mandelbrot exponent of movie popularity by rank. */
  private static final double POPULARITY_EXPONENT = 1.1;

  /** Zipf-Mandelbrot offset: flattens the head of the popularity curve. */
  private static final double POPULARITY_OFFSET = 20;

  /**
   * Log-normal spread around the Zipf curve: gives the long tail of movies with a handful of
   * ratings that MovieLens has and a pure Zipf curve lacks.
   */
  private static final double POPULARITY_SPREAD = 1.0;

  private static final double USER_BIAS_SD = 0.45;
  private static final double MOVIE_BIAS_SD = 0.45;
  private static final double POPULARITY_BONUS = 0.6;
  private static final double INTERACTION_SD = 0.65;
  private static final double NOISE_SD = 0.6;
  private static final long DAY = 86_400;

  private DatasetGenerator() {}

  /**
   * Generates a dataset into {@code directory}, creating it if needed and replacing the layout's
   * files in it.
   *
   * @throws IllegalArgumentException when the scale has half steps and the layout is ml-100k
   */
  public static GeneratedDataset generate(GeneratorSpec spec, Path directory, Layout layout)
      throws IOException {
    RatingScale scale = spec.scale().orElse(defaultScale(layout));
    if (layout == Layout.ML_100K && scale.step() != (float) Math.rint(scale.step())) {
      throw new IllegalArgumentException(
          "the ml-100k layout holds whole ratings only, the scale is "
              + scale
              + "; generate in the ml-1m or csv layout");
    }
    Files.createDirectories(directory);
    SplittableRandom root = new SplittableRandom(spec.seed());
    Movies movies = Movies.make(spec, root.split());
    List<Path> files = new ArrayList<>();
    Path ratingsFile = directory.resolve(layout.ratingsFile());
    files.add(ratingsFile);
    int[] counts = UserCounts.allocate(spec.users(), spec.movies(), spec.ratings(), root.split());
    try (RatingsWriter writer = RatingsWriter.open(ratingsFile, layout)) {
      UserWriter users = new UserWriter(spec, movies, RatingLevels.of(scale), writer);
      for (int user = 0; user < spec.users(); user++) {
        users.write(user, counts[user]);
      }
    }
    files.addAll(MoviesWriter.write(movies.catalog, directory, layout));
    if (layout == Layout.ML_100K) {
      Path info = directory.resolve("u.info");
      Files.writeString(
          info,
          spec.users() + " users\n" + spec.movies() + " items\n" + spec.ratings() + " ratings\n",
          StandardCharsets.US_ASCII);
      files.add(info);
    }
    return new GeneratedDataset(
        directory, layout, files, spec.users(), spec.movies(), spec.ratings());
  }

  /** The scale a layout's datasets use: whole stars up to ml-1m, half stars since ml-10m. */
  public static RatingScale defaultScale(Layout layout) {
    return layout == Layout.CSV ? RatingScale.HALF_STARS : RatingScale.WHOLE_STARS;
  }

  /** Seeds a user's own generator, so a user's ratings do not depend on the users before. */
  static long userSeed(long seed, int user) {
    long z = seed + (user + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The movies: catalog, popularity, biases and factors. */
  private static final class Movies {
    final List<MovieInfo> catalog;
    final AliasTable popularity;
    final float[] bias;
    final float[] factors;

    private Movies(List<MovieInfo> catalog, AliasTable popularity, float[] bias, float[] factors) {
      this.catalog = catalog;
      this.popularity = popularity;
      this.bias = bias;
      this.factors = factors;
    }

    static Movies make(GeneratorSpec spec, SplittableRandom random) {
      int count = spec.movies();
      int k = spec.factors();
      int latestYear =
          Instant.ofEpochSecond(spec.endEpochSeconds()).atZone(ZoneOffset.UTC).getYear();
      MovieMaker maker = new MovieMaker(latestYear);
      Gaussian gaussian = new Gaussian(random);
      int[] rankOf = Shuffle.permutation(count, random);
      double[] weights = new double[count];
      float[] bias = new float[count];
      float[] factors = new float[count * k];
      double factorSd = StrictMath.sqrt(INTERACTION_SD / StrictMath.sqrt(k));
      List<MovieInfo> catalog = new ArrayList<>(count);
      for (int movie = 0; movie < count; movie++) {
        catalog.add(maker.movie(movie + 1, random));
        double rank = rankOf[movie];
        weights[movie] =
            StrictMath.exp(POPULARITY_SPREAD * gaussian.next())
                / StrictMath.pow(rank + POPULARITY_OFFSET, POPULARITY_EXPONENT);
        double popular = 0.5 - rank / count;
        bias[movie] = (float) (MOVIE_BIAS_SD * gaussian.next() + POPULARITY_BONUS * popular);
        for (int f = 0; f < k; f++) {
          factors[movie * k + f] = (float) (factorSd * gaussian.next());
        }
      }
      centre(bias, weights);
      return new Movies(catalog, new AliasTable(weights), bias, factors);
    }

    /**
     * Shifts the biases so that their mean over ratings, where popular movies weigh more, is zero:
     * otherwise the bonus of popular movies would push the histogram up.
     */
    private static void centre(float[] bias, double[] weights) {
      double weighted = 0;
      double total = 0;
      for (int movie = 0; movie < bias.length; movie++) {
        weighted += weights[movie] * bias[movie];
        total += weights[movie];
      }
      float mean = (float) (weighted / total);
      for (int movie = 0; movie < bias.length; movie++) {
        bias[movie] -= mean;
      }
    }
  }

  /** Draws and writes one user's ratings at a time, reusing its buffers. */
  private static final class UserWriter {
    private final GeneratorSpec spec;
    private final Movies movies;
    private final RatingLevels levels;
    private final RatingsWriter writer;
    private final int[] ratedBy;
    private final double scoreSd;
    private final float[] userFactors;
    private int[] chosen = new int[64];
    private long[] times = new long[64];

    UserWriter(GeneratorSpec spec, Movies movies, RatingLevels levels, RatingsWriter writer) {
      this.spec = spec;
      this.movies = movies;
      this.levels = levels;
      this.writer = writer;
      this.ratedBy = new int[spec.movies()];
      Arrays.fill(ratedBy, -1);
      this.userFactors = new float[spec.factors()];
      double popularitySd = POPULARITY_BONUS / StrictMath.sqrt(12);
      this.scoreSd =
          StrictMath.sqrt(
              USER_BIAS_SD * USER_BIAS_SD
                  + MOVIE_BIAS_SD * MOVIE_BIAS_SD
                  + popularitySd * popularitySd
                  + INTERACTION_SD * INTERACTION_SD
                  + NOISE_SD * NOISE_SD);
    }

    void write(int user, int count) throws IOException {
      SplittableRandom random = new SplittableRandom(userSeed(spec.seed(), user));
      Gaussian gaussian = new Gaussian(random);
      int k = userFactors.length;
      double factorSd = StrictMath.sqrt(INTERACTION_SD / StrictMath.sqrt(k));
      for (int f = 0; f < k; f++) {
        userFactors[f] = (float) (factorSd * gaussian.next());
      }
      double userBias = USER_BIAS_SD * gaussian.next();
      if (chosen.length < count) {
        chosen = new int[count];
        times = new long[count];
      }
      pickMovies(user, count, random);
      drawTimes(count, random, gaussian);
      for (int i = 0; i < count; i++) {
        int movie = chosen[i];
        double dot = 0;
        for (int f = 0; f < k; f++) {
          dot += userFactors[f] * movies.factors[movie * k + f];
        }
        double score = userBias + movies.bias[movie] + dot + NOISE_SD * gaussian.next();
        writer.write(user + 1, movie + 1, levels.rating(score / scoreSd), times[i]);
      }
    }

    /** Draws {@code count} distinct movies by popularity, falling back to a scan when saturated. */
    private void pickMovies(int user, int count, SplittableRandom random) {
      int picked = 0;
      long attempts = 0;
      long patience = 20L * count + 1_000;
      while (picked < count && attempts++ < patience) {
        int movie = movies.popularity.next(random);
        if (ratedBy[movie] != user) {
          ratedBy[movie] = user;
          chosen[picked++] = movie;
        }
      }
      int total = ratedBy.length;
      int start = random.nextInt(total);
      for (int i = 0; picked < count && i < total; i++) {
        int movie = (start + i) % total;
        if (ratedBy[movie] != user) {
          ratedBy[movie] = user;
          chosen[picked++] = movie;
        }
      }
    }

    /** Times in the user's active period, which starts anywhere and lasts a log-normal while. */
    private void drawTimes(int count, SplittableRandom random, Gaussian gaussian) {
      long start = spec.startEpochSeconds();
      long end = spec.endEpochSeconds();
      long first = start + (long) (random.nextDouble() * (end - start));
      double days = StrictMath.exp(StrictMath.log(20) + 2.0 * gaussian.next());
      long span = Math.max(1, Math.min(end - first, (long) (days * DAY)));
      for (int i = 0; i < count; i++) {
        times[i] = first + (long) (random.nextDouble() * span);
      }
      Arrays.sort(times, 0, count);
    }
  }
}
