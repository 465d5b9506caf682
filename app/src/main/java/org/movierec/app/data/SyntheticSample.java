package org.movierec.app.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.data.MovieInfo;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;

/**
 * A generated ml-100k-sized dataset from a small latent-factor model with Zipf-like movie
 * popularity; it stands in for the data module's embedded sample until that is merged.
 */
final class SyntheticSample {

  static final String DESCRIPTION =
      "the embedded sample: 100,000 generated ratings of 943 users on 1,682 movies";

  private static final int USERS = 943;
  private static final int MOVIES = 1682;
  private static final int RATINGS = 100_000;
  private static final int FACTORS = 4;
  private static final String[] GENRES = {"Drama", "Comedy", "Action", "Thriller", "Romance"};

  private RatingDataset dataset;

  synchronized RatingDataset dataset() {
    if (dataset == null) {
      dataset = generate(42);
    }
    return dataset;
  }

  private static RatingDataset generate(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] users = factors(random, USERS);
    double[][] movies = factors(random, MOVIES);
    double[] movieBias = new double[MOVIES];
    double[] cumulative = new double[MOVIES];
    double total = 0;
    for (int m = 0; m < MOVIES; m++) {
      movieBias[m] = random.nextDouble(-0.8, 0.8);
      total += 1.0 / (m + 10);
      cumulative[m] = total;
    }
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS, RATINGS);
    builder.catalog(catalog(random));
    Set<Long> seen = new HashSet<>();
    long time = 874_724_710L;
    while (builder.size() < RATINGS) {
      int user = (int) Math.min(USERS - 1, Math.floor(USERS * Math.pow(random.nextDouble(), 1.6)));
      int movie = pick(cumulative, random.nextDouble() * total);
      if (!seen.add((long) user * MOVIES + movie)) {
        continue;
      }
      double score = 3.55 + movieBias[movie] + random.nextGaussian() * 0.8;
      for (int f = 0; f < FACTORS; f++) {
        score += users[user][f] * movies[movie][f];
      }
      float rating = RatingScale.WHOLE_STARS.clip((float) Math.rint(score));
      builder.add(user + 1, movie + 1, rating, time);
      time += 1 + random.nextInt(600);
    }
    return builder.build();
  }

  private static double[][] factors(SplittableRandom random, int count) {
    double[][] values = new double[count][FACTORS];
    for (double[] row : values) {
      for (int f = 0; f < FACTORS; f++) {
        row[f] = random.nextGaussian() * 0.5;
      }
    }
    return values;
  }

  private static int pick(double[] cumulative, double target) {
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] < target) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  private static MovieCatalog catalog(SplittableRandom random) {
    List<MovieInfo> movies = new ArrayList<>();
    for (int m = 1; m <= MOVIES; m++) {
      String genre = GENRES[random.nextInt(GENRES.length)];
      movies.add(
          new MovieInfo(
              m,
              "Sample " + genre + " " + m,
              OptionalInt.of(1950 + random.nextInt(50)),
              List.of(genre)));
    }
    return MovieCatalog.of(movies);
  }
}
