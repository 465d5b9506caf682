package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.movierec.model.Initializer;

class DjlInitializerTest {

  @Test
  void fill_constant_setsEveryValue() {
    float[] values = new float[21];

    DjlInitializer.fill(values, Initializer.constant(0.1), 20, new Random(1));

    for (float value : values) {
      assertThat(value).isEqualTo(0.1f);
    }
  }

  @Test
  void fill_fanInUniform_staysWithinOneOverSqrtFanIn() {
    float[] values = new float[1000];

    DjlInitializer.fill(values, Initializer.PYTORCH_LINEAR, 25, new Random(1));

    for (float value : values) {
      assertThat(Math.abs(value)).isLessThanOrEqualTo(0.2f);
    }
  }
}
