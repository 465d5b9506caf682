package org.movierec.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RatingScaleTest {

  @Test
  void allows_halfStars_acceptsStepsOnly() {
    assertThat(RatingScale.HALF_STARS.allows(3.5f)).isTrue();
    assertThat(RatingScale.HALF_STARS.allows(3.25f)).isFalse();
    assertThat(RatingScale.HALF_STARS.allows(0f)).isFalse();
    assertThat(RatingScale.WHOLE_STARS.allows(Float.NaN)).isFalse();
  }

  @Test
  void clip_outOfRange_returnsBound() {
    assertThat(RatingScale.WHOLE_STARS.clip(7f)).isEqualTo(5f);
    assertThat(RatingScale.WHOLE_STARS.clip(-1f)).isEqualTo(1f);
    assertThat(RatingScale.WHOLE_STARS.clip(3.3f)).isEqualTo(3.3f);
  }

  @Test
  void constructor_stepNotDividingRange_isRejected() {
    assertThatThrownBy(() -> new RatingScale(1f, 5f, 1.5f)).hasMessageContaining("does not divide");
  }

  @Test
  void levels_wholeStars_isFive() {
    assertThat(RatingScale.WHOLE_STARS.levels()).isEqualTo(5);
    assertThat(RatingScale.HALF_STARS.levels()).isEqualTo(10);
  }
}
