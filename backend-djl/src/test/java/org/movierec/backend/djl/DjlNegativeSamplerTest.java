package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.model.RatedItems;
import org.movierec.core.training.NegativeSampling;
import org.movierec.core.training.OutputOffset;

class DjlNegativeSamplerTest {

  private static final ColumnarRatings RATINGS = SyntheticRatings.generate(40, 60, 25, 3);

  @ParameterizedTest
  @EnumSource(NegativeSampling.class)
  void draw_manyDraws_neverARatedMovie(NegativeSampling kind) {
    RatedItems rated = RatedItems.of(RATINGS);
    DjlNegativeSampler sampler = new DjlNegativeSampler(rated, 60, kind);
    SplittableRandom random = new SplittableRandom(7);
    for (int user = 0; user < 40; user++) {
      for (int draw = 0; draw < 500; draw++) {
        int movie = sampler.draw(user, random);
        assertThat(movie).isBetween(0, 59);
        assertThat(rated.contains(user, movie))
            .as("user %d drew movie %d, which they rated", user, movie)
            .isFalse();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(NegativeSampling.class)
  void draw_userWhoRatedAllButOne_drawsThatOne(NegativeSampling kind) {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS, 64);
    for (int movie = 0; movie < 30; movie++) {
      if (movie != 17) {
        builder.add(1, 100 + movie, 4, 0);
      }
      builder.add(2, 100 + movie, 3, 0);
    }
    ColumnarRatings ratings = builder.build();
    RatedItems rated = RatedItems.of(ratings);
    DjlNegativeSampler sampler = new DjlNegativeSampler(rated, 30, kind);
    int heavy = ratings.users().indexOf(1);
    int everything = ratings.users().indexOf(2);
    int missing = ratings.movies().indexOf(117);
    SplittableRandom random = new SplittableRandom(1);
    for (int draw = 0; draw < 50; draw++) {
      assertThat(sampler.draw(heavy, random)).isEqualTo(missing);
    }
    assertThat(sampler.unrated(everything)).isZero();
    assertThatThrownBy(() -> sampler.draw(everything, random))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rated every movie");
  }

  @Test
  void draw_popularity_drawsPopularMoviesMoreOften() {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS, 256);
    // Movie 100 rated by 60 users, movie 101 by 6; user 1000 rated neither.
    for (int user = 0; user < 60; user++) {
      builder.add(user, 100, 4, 0);
      if (user < 6) {
        builder.add(user, 101, 4, 0);
      }
    }
    builder.add(1000, 102, 4, 0);
    ColumnarRatings ratings = builder.build();
    RatedItems rated = RatedItems.of(ratings);
    int user = ratings.users().indexOf(1000);
    int[] counts = new int[3];
    SplittableRandom random = new SplittableRandom(5);
    DjlNegativeSampler popular = new DjlNegativeSampler(rated, 3, NegativeSampling.POPULARITY);
    for (int draw = 0; draw < 6600; draw++) {
      counts[popular.draw(user, random)]++;
    }
    int often = counts[ratings.movies().indexOf(100)];
    int rarely = counts[ratings.movies().indexOf(101)];
    // 60 : 6 expected; allow generous noise.
    assertThat((double) often / rarely).isBetween(7.0, 13.0);
  }

  @Test
  void fillRanking_sameSeedEpochAndBatch_sameNegatives_otherEpoch_otherNegatives() {
    RatedItems rated = RatedItems.of(RATINGS);
    DjlNegativeSampler sampler = new DjlNegativeSampler(rated, 60, NegativeSampling.UNIFORM);
    int[] order = new int[RATINGS.size()];
    Arrays.setAll(order, i -> i);
    DjlBatch first = ranking(sampler, order, DjlTrainingLoop.negativeRandom(42, 3, 5));
    DjlBatch again = ranking(sampler, order, DjlTrainingLoop.negativeRandom(42, 3, 5));
    DjlBatch nextEpoch = ranking(sampler, order, DjlTrainingLoop.negativeRandom(42, 4, 5));
    assertThat(first.size()).isEqualTo(32 * 5);
    assertThat(Arrays.copyOf(again.movies(), again.size()))
        .isEqualTo(Arrays.copyOf(first.movies(), first.size()));
    assertThat(Arrays.copyOf(nextEpoch.movies(), nextEpoch.size()))
        .isNotEqualTo(Arrays.copyOf(first.movies(), first.size()));
    for (int p = 0; p < first.size(); p++) {
      boolean positive = p % 5 == 0;
      assertThat(first.labels()[p]).isEqualTo(positive ? 1f : 0f);
      assertThat(first.users()[p]).isEqualTo(first.users()[p - p % 5]);
      assertThat(rated.contains(first.users()[p], first.movies()[p])).isEqualTo(positive);
    }
  }

  private static DjlBatch ranking(
      DjlNegativeSampler sampler, int[] order, SplittableRandom random) {
    DjlBatch batch = new DjlBatch(32 * 5);
    batch.fillRanking(
        RATINGS, DjlOffset.of(OutputOffset.NONE, null), order, 0, 32, sampler, 4, random);
    return batch;
  }
}
