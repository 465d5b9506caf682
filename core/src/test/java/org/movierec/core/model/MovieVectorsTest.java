package org.movierec.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MovieVectorsTest {

  @Test
  void similarities_rowsOfAnyLength_areTheirCosines() {
    MovieVectors vectors = MovieVectors.normalize(new float[] {3, 4, 0, -2, 6, 8, 0, 0}, 2);
    float[] out = new float[4];

    vectors.similarities(0, out);

    assertThat(out[0]).isCloseTo(1f, within(1e-6f));
    assertThat(out[1]).isCloseTo(-0.8f, within(1e-6f));
    assertThat(out[2]).isCloseTo(1f, within(1e-6f));
    assertThat(out[3]).as("a zero vector is similar to nothing").isZero();
  }

  @Test
  void normalize_tableNotMadeOfRows_isRefused() {
    assertThatThrownBy(() -> MovieVectors.normalize(new float[5], 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5 values");
  }
}
