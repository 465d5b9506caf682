package org.movierec.backend.djl;

import java.util.Random;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;

/** Small rating sets with learnable structure: low-rank tastes rounded to whole stars. */
final class SyntheticRatings {

  private SyntheticRatings() {}

  /**
   * Ratings of {@code users} users, each rating {@code perUser} distinct movies out of {@code
   * movies}; raw ids start at 1 for users and 101 for movies.
   */
  static ColumnarRatings generate(int users, int movies, int perUser, long seed) {
    Random random = new Random(seed);
    int rank = 3;
    double[][] userTaste = factors(users, rank, random);
    double[][] movieTraits = factors(movies, rank, random);
    double[] movieBias = new double[movies];
    for (int m = 0; m < movies; m++) {
      movieBias[m] = random.nextGaussian() * 0.5;
    }
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS, users * perUser);
    for (int u = 0; u < users; u++) {
      int first = random.nextInt(movies);
      for (int k = 0; k < perUser; k++) {
        int m = (first + k * 7) % movies;
        double score = 3.2 + movieBias[m];
        for (int f = 0; f < rank; f++) {
          score += userTaste[u][f] * movieTraits[m][f];
        }
        score += random.nextGaussian() * 0.3;
        float stars = (float) Math.max(1, Math.min(5, Math.rint(score)));
        builder.add(u + 1, 101 + m, stars, 1_000_000L + u * 1000L + k);
      }
    }
    return builder.build();
  }

  private static double[][] factors(int count, int rank, Random random) {
    double[][] values = new double[count][rank];
    for (double[] row : values) {
      for (int f = 0; f < rank; f++) {
        row[f] = random.nextGaussian() * 0.8;
      }
    }
    return values;
  }
}
