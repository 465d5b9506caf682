package org.movierec.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendRequestTest {

  @Test
  void build_missingCountAndNegativeFloor_namesBothProblems() {
    assertThatThrownBy(() -> RecommendRequest.builder().optMinRatings(-2).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count is required")
        .hasMessageContaining("minRatings must be >= 0, got -2");
  }

  @Test
  void build_negativeCount_isRejected() {
    assertThatThrownBy(() -> RecommendRequest.top(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count must be >= 0, got -1");
  }

  @Test
  void admits_everyCondition_mustHoldAtOnce() {
    RecommendRequest request =
        RecommendRequest.builder()
            .setCount(5)
            .optExclude(3)
            .optExclude(List.of(4))
            .optFilter(movie -> movie < 10)
            .optFilter(movie -> movie != 7)
            .optMinRatings(2)
            .build();

    assertThat(request.admits(1, 2)).isTrue();
    assertThat(request.admits(1, 1)).as("below the popularity floor").isFalse();
    assertThat(request.admits(3, 9)).as("excluded").isFalse();
    assertThat(request.admits(4, 9)).as("excluded as a collection").isFalse();
    assertThat(request.admits(12, 9)).as("first filter").isFalse();
    assertThat(request.admits(7, 9)).as("second filter").isFalse();
    assertThat(request.excludedMovies()).containsExactlyInAnyOrder(3, 4);
  }

  @Test
  void top_plainCount_admitsEveryMovie() {
    RecommendRequest request = RecommendRequest.top(10);

    assertThat(request.count()).isEqualTo(10);
    assertThat(request.admits(42, 0)).isTrue();
    assertThat(request.minRatings()).isZero();
  }
}
