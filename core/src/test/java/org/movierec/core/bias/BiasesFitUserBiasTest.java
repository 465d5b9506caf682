package org.movierec.core.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;

class BiasesFitUserBiasTest {

  @Test
  void fitUserBias_aTrainedUsersOwnRatings_givesTheBiasTheFitConvergedTo() {
    Random random = new Random(4);
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    for (int user = 1; user <= 30; user++) {
      for (int movie = 1; movie <= 20; movie++) {
        if (random.nextInt(3) > 0) {
          builder.add(user, movie, 1 + random.nextInt(5), 0);
        }
      }
    }
    ColumnarRatings data = builder.build();
    Biases biases = Biases.fit(data, 7, 4, 200);

    for (int user = 0; user < data.users().size(); user++) {
      List<Integer> movies = new ArrayList<>();
      List<Float> ratings = new ArrayList<>();
      for (int row = 0; row < data.size(); row++) {
        if (data.userIndex(row) == user) {
          movies.add(data.movieIndex(row));
          ratings.add(data.rating(row));
        }
      }
      float[] values = new float[ratings.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = ratings.get(i);
      }
      float fitted =
          biases.fitUserBias(movies.stream().mapToInt(Integer::intValue).toArray(), values, 7);

      assertThat(biases.globalMean() + fitted)
          .as("user %d", user)
          .isCloseTo(biases.estimate(user, -1), within(1e-4f));
    }
  }

  @Test
  void fitUserBias_noRatings_isZero() {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    builder.add(1, 1, 4, 0);
    Biases biases = Biases.fit(builder.build(), 1, 1, 1);

    assertThat(biases.fitUserBias(new int[0], new float[0], 15)).isZero();
  }
}
