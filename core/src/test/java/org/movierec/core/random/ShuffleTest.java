package org.movierec.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShuffleTest {

  @Test
  void permutationHoldsEveryIndexOnce() {
    int[] permutation = Shuffle.permutation(1000, new SplittableRandom(7));

    assertThat(permutation).hasSize(1000).containsExactlyInAnyOrder(Shuffle.identity(1000));
    assertThat(permutation).isNotEqualTo(Shuffle.identity(1000));
  }

  @Test
  void sameSeedSamePermutationForEitherGenerator() {
    assertThat(Shuffle.permutation(50, new Random(3)))
        .isEqualTo(Shuffle.permutation(50, new Random(3)));
    assertThat(Shuffle.permutation(50, new SplittableRandom(3)))
        .isEqualTo(Shuffle.permutation(50, new SplittableRandom(3)));
  }

  @Test
  void drawsFromTheLastIndexDownSoSeededResultsKeepTheirOrder() {
    // The sequence the seeded splits and epoch orders were built on: swap i with nextInt(i + 1).
    Random draws = new Random(11);
    int[] expected = Shuffle.identity(20);
    for (int i = expected.length - 1; i > 0; i--) {
      int j = draws.nextInt(i + 1);
      int swap = expected[i];
      expected[i] = expected[j];
      expected[j] = swap;
    }

    assertThat(Shuffle.permutation(20, new Random(11))).isEqualTo(expected);
  }

  @Test
  void shufflesAnExistingOrderFurtherInPlace() {
    int[] order = {5, 6, 7};
    Shuffle.inPlace(order, new Random(1));

    assertThat(order).containsExactlyInAnyOrder(5, 6, 7);
  }

  @Test
  void emptyAndSingleArraysStayAsTheyAre() {
    assertThat(Shuffle.permutation(0, new Random(1))).isEmpty();
    assertThat(Shuffle.permutation(1, new Random(1))).containsExactly(0);
  }
}
