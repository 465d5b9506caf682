package org.movierec.data.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;

class SplitsTest {

  /** User 1 rated movies 1..5 at times 50..10, user 2 movies 1..2, user 3 one movie. */
  private static RatingDataset small() {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    for (int movie = 1; movie <= 5; movie++) {
      builder.add(1, movie, 3, 60 - 10L * movie);
    }
    builder.add(2, 1, 4, 100).add(2, 2, 5, 200).add(3, 9, 1, 300);
    return builder.build();
  }

  @Test
  void randomHoldout_sameSeed_sameSplit() {
    RatingDataset data = small();

    Split first = Splits.randomHoldout(data, 0.25, 7);
    Split second = Splits.randomHoldout(data, 0.25, 7);

    assertThat(first.test().size()).isEqualTo(2);
    assertThat(first.train().size()).isEqualTo(6);
    assertThat(second.test().userIndices()).isEqualTo(first.test().userIndices());
    assertThat(second.test().movieIndices()).isEqualTo(first.test().movieIndices());
  }

  @Test
  void perUserLast_holdsOutLatestAndKeepsOneTrainingRating() {
    Split split = Splits.perUserLast(small(), 2);

    assertThat(split.test().size()).isEqualTo(3);
    assertThat(rawMovies(split.test(), 1)).containsExactlyInAnyOrder(1, 2);
    assertThat(rawMovies(split.test(), 2)).containsExactly(2);
    assertThat(rawMovies(split.train(), 3)).containsExactly(9);
    assertThat(split.coldUsers().size()).isZero();
  }

  @Test
  void perUserLastFraction_roundsPerUser() {
    Split split = Splits.perUserLastFraction(small(), 0.4);

    assertThat(rawMovies(split.test(), 1)).containsExactlyInAnyOrder(1, 2);
    assertThat(rawMovies(split.test(), 2)).containsExactly(2);
  }

  @Test
  void perUserRandom_holdsOutCountPerUser() {
    Split split = Splits.perUserRandom(small(), 3, 11);

    assertThat(rawMovies(split.test(), 1)).hasSize(3);
    assertThat(rawMovies(split.test(), 2)).hasSize(1);
    assertThat(rawMovies(split.test(), 3)).isEmpty();
  }

  @Test
  void timeCutoff_laterRatingsTestAndColdReported() {
    Split split = Splits.timeCutoff(small(), 150);

    assertThat(split.test().size()).isEqualTo(2);
    assertThat(split.coldUsers().rawIds()).containsExactly(3);
    assertThat(split.coldMovies().rawIds()).containsExactly(9);
    assertThat(split.coldRatings()).isEqualTo(1);
  }

  @Test
  void timeFraction_cutsAtTheQuantile() {
    Split split = Splits.timeFraction(small(), 0.25);

    assertThat(split.test().size()).isEqualTo(2);
    assertThat(split.test().timestamp(0)).isGreaterThanOrEqualTo(200);
  }

  @Test
  void kFold_foldsDifferInSizeByAtMostOne() {
    List<Split> folds = Splits.kFold(small(), 3, 5);

    assertThat(folds).hasSize(3);
    assertThat(folds).extracting(split -> split.test().size()).containsExactlyInAnyOrder(3, 3, 2);
  }

  @Test
  void splitSpec_parsesEveryForm() {
    assertThat(SplitSpec.parse("random:0.2")).isEqualTo(new SplitSpec.RandomHoldout(0.2));
    assertThat(SplitSpec.parse("user-last:10")).isEqualTo(new SplitSpec.UserLast(10));
    assertThat(SplitSpec.parse("USER-LAST-FRACTION: 0.1"))
        .isEqualTo(new SplitSpec.UserLastFraction(0.1));
    assertThat(SplitSpec.parse("user-random:3")).isEqualTo(new SplitSpec.UserRandom(3));
    assertThat(SplitSpec.parse("time:1970-01-02")).isEqualTo(new SplitSpec.TimeCutoff(86_400));
    assertThat(SplitSpec.parse("time:5")).isEqualTo(new SplitSpec.TimeCutoff(5));
    assertThat(SplitSpec.parse("time-fraction:0.3")).isEqualTo(new SplitSpec.TimeFraction(0.3));
    assertThat(SplitSpec.parse("kfold:5").apply(small(), 1)).hasSize(5);
  }

  @Test
  void splitSpec_badText_namesTextAndForms() {
    assertThatThrownBy(() -> SplitSpec.parse("shuffle:0.2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shuffle:0.2")
        .hasMessageContaining("unknown method 'shuffle'")
        .hasMessageContaining("kfold:K");
    assertThatThrownBy(() -> SplitSpec.parse("random:lots"))
        .hasMessageContaining("'lots' is not a valid parameter for random");
    assertThatThrownBy(() -> SplitSpec.parse("random:1.5"))
        .hasMessageContaining("strictly between 0 and 1");
    assertThatThrownBy(() -> SplitSpec.parse("kfold:1")).hasMessageContaining("between 2 and 127");
  }

  private static List<Integer> rawMovies(RatingDataset data, int rawUser) {
    List<Integer> movies = new java.util.ArrayList<>();
    for (int row = 0; row < data.size(); row++) {
      if (data.rawUserId(row) == rawUser) {
        movies.add(data.rawMovieId(row));
      }
    }
    return movies;
  }
}
