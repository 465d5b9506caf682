package org.movierec.backend.itemknn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WorkBlocksTest {

  @Test
  void starts_evenWork_givesEqualBlocks() {
    long[] work = new long[100];
    java.util.Arrays.fill(work, 3);

    assertThat(WorkBlocks.starts(work, 4)).containsExactly(0, 25, 50, 75, 100);
  }

  @Test
  void starts_skewedWork_coversEveryItemOnceInNonEmptyBlocksNearTheirShare() {
    Random random = new Random(11);
    for (int round = 0; round < 200; round++) {
      int items = 1 + random.nextInt(300);
      long[] work = new long[items];
      long total = 0;
      long heaviest = 0;
      for (int i = 0; i < items; i++) {
        // Zipf-like: a few heavy items, a long light tail.
        work[i] = 1 + (long) (1000.0 / (1 + random.nextInt(items)));
        total += work[i];
        heaviest = Math.max(heaviest, work[i]);
      }
      int blocks = 1 + random.nextInt(items);

      int[] starts = WorkBlocks.starts(work, blocks);

      assertThat(starts).hasSize(blocks + 1);
      assertThat(starts[0]).isZero();
      assertThat(starts[blocks]).isEqualTo(items);
      for (int b = 0; b < blocks; b++) {
        assertThat(starts[b + 1]).as("block %d is not empty", b).isGreaterThan(starts[b]);
      }
      if (blocks < items / 4) {
        for (int b = 0; b < blocks; b++) {
          long sum = 0;
          for (int i = starts[b]; i < starts[b + 1]; i++) {
            sum += work[i];
          }
          assertThat(sum)
              .as("block %d of %d", b, blocks)
              .isLessThanOrEqualTo(total / blocks + 2 * heaviest);
        }
      }
    }
  }

  @Test
  void starts_moreBlocksThanItems_isRefused() {
    assertThatThrownBy(() -> WorkBlocks.starts(new long[] {1, 2}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 blocks of 2 items");
  }
}
