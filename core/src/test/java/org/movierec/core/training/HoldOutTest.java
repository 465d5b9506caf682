package org.movierec.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.movierec.core.contract.SyntheticRatings;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingDatasets;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;

class HoldOutTest {

  private static final ColumnarRatings INPUT =
      RatingDatasets.compact(SyntheticRatings.create().train());

  @Test
  void split_fraction_holdsOutThatShareAndKeepsEveryUserAndMovieInTheFittedPart() {
    HoldOut holdOut = HoldOut.split(INPUT, 0.2, 11);

    assertThat(holdOut.validation().size()).isEqualTo(Math.round(INPUT.size() * 0.2));
    assertThat(holdOut.fitted().size() + holdOut.validation().size()).isEqualTo(INPUT.size());
    assertThat(holdOut.fitted().users()).isEqualTo(INPUT.users());
    assertThat(holdOut.fitted().movies()).isEqualTo(INPUT.movies());
    assertThat(distinctUsers(holdOut.fitted())).hasSize(INPUT.users().size());
    assertThat(distinctMovies(holdOut.fitted())).hasSize(INPUT.movies().size());
    Set<Long> fitted = pairs(holdOut.fitted());
    for (long pair : pairs(holdOut.validation())) {
      assertThat(fitted).doesNotContain(pair);
    }
  }

  @Test
  void split_usersAndMoviesWithOneRating_areNeverHeldOut() {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    for (int user = 1; user <= 30; user++) {
      builder.add(user, 100 + user, 4, 0);
      builder.add(user, 1, 3, 0);
    }
    ColumnarRatings input = builder.build();

    HoldOut holdOut = HoldOut.split(input, 0.6, 5);

    // 36 are asked for, but only ratings of the shared movie 1 may go, and it keeps one
    assertThat(holdOut.validation().size()).isEqualTo(29);
    for (int row = 0; row < holdOut.validation().size(); row++) {
      assertThat(holdOut.validation().rawMovieId(row)).isEqualTo(1);
    }
    assertThat(distinctUsers(holdOut.fitted())).hasSize(30);
    assertThat(distinctMovies(holdOut.fitted())).hasSize(31);
  }

  @Test
  void split_sameSeed_holdsOutTheSameRowsAndAnotherSeedOthers() {
    Set<Long> first = pairs(HoldOut.split(INPUT, 0.1, 3).validation());

    assertThat(pairs(HoldOut.split(INPUT, 0.1, 3).validation())).isEqualTo(first);
    assertThat(pairs(HoldOut.split(INPUT, 0.1, 4).validation())).isNotEqualTo(first);
  }

  @Test
  void split_zeroFraction_fitsEverything() {
    HoldOut holdOut = HoldOut.split(INPUT, 0, 3);

    assertThat(holdOut.hasValidation()).isFalse();
    assertThat(holdOut.fitted().size()).isEqualTo(INPUT.size());
  }

  @Test
  void split_fractionOutsideZeroToOne_isRejected() {
    assertThatThrownBy(() -> HoldOut.split(INPUT, 1, 3))
        .hasMessageContaining("validation_fraction must be at least 0 and below 1, got 1.0");
    assertThatThrownBy(() -> HoldOut.split(INPUT, Double.NaN, 3))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Set<Integer> distinctUsers(RatingDataset data) {
    Set<Integer> users = new HashSet<>();
    for (int row = 0; row < data.size(); row++) {
      users.add(data.rawUserId(row));
    }
    return users;
  }

  private static Set<Integer> distinctMovies(RatingDataset data) {
    Set<Integer> movies = new HashSet<>();
    for (int row = 0; row < data.size(); row++) {
      movies.add(data.rawMovieId(row));
    }
    return movies;
  }

  private static Set<Long> pairs(RatingDataset data) {
    Set<Long> pairs = new HashSet<>();
    for (int row = 0; row < data.size(); row++) {
      pairs.add(((long) data.rawUserId(row) << 32) | data.rawMovieId(row));
    }
    return pairs;
  }
}
