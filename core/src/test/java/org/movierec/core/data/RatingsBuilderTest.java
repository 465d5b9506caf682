package org.movierec.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RatingsBuilderTest {

  @Test
  void build_assignsDenseIdsInOrderOfFirstAppearance() {
    ColumnarRatings ratings =
        new RatingsBuilder(RatingScale.WHOLE_STARS)
            .add(196, 242, 3, 881250949L)
            .add(186, 302, 3, 891717742L)
            .add(196, 302, 5, 4_000_000_000L)
            .build();

    assertThat(ratings.size()).isEqualTo(3);
    assertThat(ratings.users().rawIds()).containsExactly(196, 186);
    assertThat(ratings.movies().rawIds()).containsExactly(242, 302);
    assertThat(ratings.userIndex(2)).isZero();
    assertThat(ratings.rawMovieId(2)).isEqualTo(302);
    assertThat(ratings.timestamp(2)).isEqualTo(4_000_000_000L);
  }

  @Test
  void add_offScaleRating_isRejected() {
    assertThatThrownBy(() -> new RatingsBuilder(RatingScale.WHOLE_STARS).add(1, 1, 4.5f, 0))
        .hasMessageContaining("4.5");
  }

  @Test
  void compact_subset_keepsOnlyPresentIds() {
    ColumnarRatings all =
        new RatingsBuilder(RatingScale.WHOLE_STARS).add(1, 10, 3, 0).add(2, 20, 4, 0).build();

    ColumnarRatings compacted = RatingDatasets.compact(all.select(new int[] {1}));

    assertThat(compacted.users().rawIds()).containsExactly(2);
    assertThat(compacted.movies().rawIds()).containsExactly(20);
    assertThat(compacted.rating(0)).isEqualTo(4f);
  }

  @Test
  void select_halfStars_decodesExactlyWhatWasStored() {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.HALF_STARS);
    float[] stars = {0.5f, 1f, 2.5f, 3.5f, 5f};
    for (int i = 0; i < stars.length; i++) {
      builder.add(i, 100 + i, stars[i], i);
    }
    ColumnarRatings ratings = builder.build();

    assertThat(ratings.ratings()).containsExactly(stars);
    assertThat(ratings.select(new int[] {4, 1}).ratings()).containsExactly(5f, 1f);
  }

  @Test
  void constructor_continuousScale_keepsFloats() {
    RatingScale continuous = new RatingScale(0f, 1f, 0f);
    ColumnarRatings ratings =
        new RatingsBuilder(continuous).add(1, 1, 0.123456f, 0).add(2, 2, 0.987654f, 0).build();

    assertThat(ratings.ratings()).containsExactly(0.123456f, 0.987654f);
    assertThat(ratings.select(new int[] {1}).rating(0)).isEqualTo(0.987654f);
  }
}
