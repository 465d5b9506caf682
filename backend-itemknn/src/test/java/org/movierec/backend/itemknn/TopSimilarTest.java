package org.movierec.backend.itemknn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopSimilarTest {

  @Test
  void sortedInto_randomOffersWithTies_keepsTheLargestTiesToTheLowerIndex() {
    Random random = new Random(3);
    TopSimilar top = new TopSimilar(25);
    for (int round = 0; round < 50; round++) {
      top.clear();
      List<int[]> offered = new ArrayList<>();
      int count = random.nextInt(80);
      List<Integer> movies = new ArrayList<>();
      for (int movie = 0; movie < 200; movie++) {
        movies.add(movie);
      }
      java.util.Collections.shuffle(movies, random);
      for (int n = 0; n < count; n++) {
        // Few distinct values, so that ties at the boundary are common.
        int level = 1 + random.nextInt(6);
        offered.add(new int[] {movies.get(n), level});
        top.offer(movies.get(n), level / 8f);
      }
      List<int[]> expected = new ArrayList<>(offered);
      expected.sort(
          Comparator.<int[]>comparingInt(pair -> -pair[1]).thenComparingInt(pair -> pair[0]));
      expected = expected.subList(0, Math.min(25, expected.size()));
      expected.sort(Comparator.comparingInt(pair -> pair[0]));

      int[] kept = new int[top.size()];
      float[] values = new float[kept.length];
      top.sortedInto(kept, values);

      assertThat(kept).containsExactly(expected.stream().mapToInt(pair -> pair[0]).toArray());
      for (int n = 0; n < kept.length; n++) {
        assertThat(values[n]).isEqualTo(expected.get(n)[1] / 8f);
      }
    }
  }

  @Test
  void offer_capacityZero_keepsNothing() {
    TopSimilar top = new TopSimilar(0);
    top.offer(3, 0.5f);
    assertThat(top.size()).isZero();
  }
}
