package org.movierec.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;

class RatedItemsTest {

  @Test
  void of_pairRatedTwice_isListedOnceAndCountedOnce() {
    ColumnarRatings data =
        new RatingsBuilder(RatingScale.WHOLE_STARS)
            .add(1, 10, 3, 0)
            .add(1, 11, 3, 0)
            .add(1, 10, 4, 0)
            .add(2, 10, 5, 0)
            .build();

    RatedItems rated = RatedItems.of(data);

    assertThat(rated.moviesOf(0)).containsExactly(0, 1);
    assertThat(rated.count(0)).isEqualTo(2);
    assertThat(rated.movieCounts(2)).containsExactly(2, 1);
    assertThat(RatedItems.fromArrays(rated.offsets(), rated.movies(), 2).moviesOf(1))
        .containsExactly(0);
  }

  @Test
  void fromArrays_movieOutOfRangeOrUnsorted_isRejectedWithTheUser() {
    assertThatThrownBy(() -> RatedItems.fromArrays(new int[] {0, 2}, new int[] {0, 5}, 3))
        .hasMessageContaining("user 0 rated movie index 5 of 3");
    assertThatThrownBy(() -> RatedItems.fromArrays(new int[] {0, 2}, new int[] {1, 0}, 3))
        .hasMessageContaining("not strictly ascending");
    assertThatThrownBy(() -> RatedItems.fromArrays(new int[] {0, 3}, new int[] {1, 0}, 3))
        .hasMessageContaining("do not span");
  }
}
