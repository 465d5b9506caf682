package org.movierec.core.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopNTest {

  private record Entry(int id, float score) {}

  private static List<Entry> entries(TopN top) {
    return top.toList(Entry::new);
  }

  @Test
  void offer_manyRandomCandidates_keepsTheBestInTheOrderOfAFullSort() {
    Random random = new Random(7);
    List<Entry> all = new ArrayList<>();
    for (int id = 0; id < 5000; id++) {
      // few distinct scores, so that ties are common
      all.add(new Entry(id * 7 % 5003, random.nextInt(40) / 8f - 1));
    }
    TopN top = new TopN(25);
    for (Entry entry : all) {
      top.offer(entry.id(), entry.score());
    }
    all.sort(Comparator.comparing(Entry::score).reversed().thenComparingInt(Entry::id));

    assertThat(entries(top)).isEqualTo(all.subList(0, 25));
  }

  @Test
  void offer_exactTiesInAnyOrder_lowerIdRanksFirst() {
    List<Integer> ids = new ArrayList<>(List.of(9, 3, 7, 1, 5));
    Collections.shuffle(ids, new Random(3));
    TopN top = new TopN(3);
    for (int id : ids) {
      top.offer(id, 4.5f);
    }

    assertThat(entries(top)).extracting(Entry::id).containsExactly(1, 3, 5);
  }

  @Test
  void offer_scoresAboveTheRatingScale_rankByTheRawScoreNotByIdOrder() {
    TopN top = new TopN(3);
    top.offer(1, 5.2f);
    top.offer(2, 6.1f);
    top.offer(3, 5.7f);
    top.offer(4, 4.0f);

    assertThat(entries(top)).extracting(Entry::id).containsExactly(2, 3, 1);
  }

  @Test
  void offer_nanScore_ranksBelowEveryNumber() {
    TopN top = new TopN(3);
    top.offer(1, Float.NaN);
    top.offer(2, -1000f);
    top.offer(3, 2f);

    assertThat(entries(top)).extracting(Entry::id).containsExactly(3, 2, 1);
    top.offer(4, 0f);
    assertThat(entries(top)).extracting(Entry::id).containsExactly(3, 4, 2);
  }

  @Test
  void bounded_requestFarBeyondTheCandidates_allocatesForTheCandidatesOnly() {
    TopN top = TopN.bounded(2_000_000_000, 1682);

    assertThat(top.capacity()).isEqualTo(1682);
    assertThat(TopN.bounded(10, 1682).capacity()).isEqualTo(10);
  }

  @Test
  void toList_calledTwice_leavesTheSelectorIntact() {
    TopN top = new TopN(2);
    top.offer(1, 1f);
    top.offer(2, 2f);

    assertThat(entries(top)).isEqualTo(entries(top));
    top.offer(3, 1.5f);
    assertThat(entries(top)).extracting(Entry::id).containsExactly(2, 3);
  }

  @Test
  void clear_afterOffers_startsEmptyWithTheSameCapacity() {
    TopN top = new TopN(2);
    top.offer(1, 1f);
    top.clear();
    top.offer(5, 0f);

    assertThat(entries(top)).containsExactly(new Entry(5, 0f));
    assertThat(top.capacity()).isEqualTo(2);
  }

  @Test
  void offer_zeroCapacity_keepsNothing() {
    TopN top = new TopN(0);
    top.offer(1, 1f);

    assertThat(top.size()).isZero();
    assertThat(entries(top)).isEmpty();
  }

  @Test
  void construct_negativeSizes_areRejected() {
    assertThatThrownBy(() -> new TopN(-1)).hasMessageContaining("-1");
    assertThatThrownBy(() -> TopN.bounded(-3, 10)).hasMessageContaining("-3");
  }

  @Test
  void mightKeep_whereverItSaysNo_offerChangesNothing() {
    Random random = new Random(11);
    TopN top = new TopN(10);
    int refused = 0;
    for (int id = 0; id < 5_000; id++) {
      // Few distinct scores and some NaN, so ties with the worst kept entry are common.
      float score = random.nextInt(50) == 0 ? Float.NaN : random.nextInt(200) / 4f;
      List<Float> before = top.toList((kept, s) -> s);
      List<Integer> idsBefore = top.toList((kept, s) -> kept);
      boolean might = top.mightKeep(score);
      top.offer(id, score);
      if (!might) {
        refused++;
        assertThat(top.toList((kept, s) -> kept)).as("offer of %s", score).isEqualTo(idsBefore);
        assertThat(top.toList((kept, s) -> s)).isEqualTo(before);
      }
    }
    assertThat(refused).as("candidates skipped").isGreaterThan(4_000);
  }

  @Test
  void mightKeep_tieWithTheWorstKeptScore_isYesSinceALowerIdWouldEnter() {
    TopN top = new TopN(2);
    top.offer(5, 3f);
    top.offer(6, 2f);

    assertThat(top.mightKeep(2f)).isTrue();
    assertThat(top.mightKeep(1.9f)).isFalse();
    top.offer(1, 2f);
    assertThat(top.toList((id, score) -> id)).containsExactly(5, 1);
  }
}
