package org.movierec.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IdIndexTest {

  @Test
  void indexOf_manyRandomIds_mapsBothWays() {
    Random random = new Random(7);
    GrowingIdMap growing = new GrowingIdMap();
    int[] raw = random.ints(50_000, Integer.MIN_VALUE, Integer.MAX_VALUE).toArray();
    for (int id : raw) {
      growing.denseOf(id);
    }
    IdIndex index = growing.freeze();

    for (int id : raw) {
      assertThat(index.rawId(index.indexOf(id))).isEqualTo(id);
    }
    java.util.Set<Integer> known = new java.util.HashSet<>();
    for (int id : raw) {
      known.add(id);
    }
    int probes = 0;
    for (int candidate = 0; probes < 1000; candidate++) {
      if (!known.contains(candidate)) {
        assertThat(index.indexOf(candidate)).isEqualTo(-1);
        probes++;
      }
    }
  }

  @Test
  void indexOf_unknownId_isMinusOne() {
    IdIndex index = IdIndex.of(10, 20, 30);

    assertThat(index.indexOf(20)).isEqualTo(1);
    assertThat(index.indexOf(25)).isEqualTo(-1);
    assertThat(index.contains(30)).isTrue();
  }

  @Test
  void of_duplicateId_isRejected() {
    assertThatThrownBy(() -> IdIndex.of(1, 2, 1)).hasMessageContaining("raw id 1 appears twice");
  }
}
