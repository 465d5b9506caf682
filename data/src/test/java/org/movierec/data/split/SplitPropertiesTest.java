package org.movierec.data.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;

class SplitPropertiesTest {

  @Provide
  Arbitrary<RatingDataset> datasets() {
    Arbitrary<long[]> row =
        Combinators.combine(
                Arbitraries.integers().between(1, 30),
                Arbitraries.integers().between(1, 40),
                Arbitraries.integers().between(1, 5),
                Arbitraries.longs().between(0, 2_000_000_000L))
            .as((user, movie, rating, time) -> new long[] {user, movie, rating, time});
    return row.list()
        .ofMinSize(1)
        .ofMaxSize(300)
        .uniqueElements(r -> r[0] << 32 | r[1])
        .map(
            rows -> {
              RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
              for (long[] r : rows) {
                builder.add((int) r[0], (int) r[1], r[2], r[3]);
              }
              return builder.build();
            });
  }

  @Provide
  Arbitrary<SplitSpec> specs() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(0.01, 0.99).map(SplitSpec.RandomHoldout::new),
        Arbitraries.integers().between(1, 10).map(SplitSpec.UserLast::new),
        Arbitraries.doubles().between(0.01, 0.99).map(SplitSpec.UserLastFraction::new),
        Arbitraries.integers().between(1, 10).map(SplitSpec.UserRandom::new),
        Arbitraries.longs().between(0, 2_000_000_000L).map(SplitSpec.TimeCutoff::new),
        Arbitraries.doubles().between(0.01, 0.99).map(SplitSpec.TimeFraction::new),
        Arbitraries.integers().between(2, 7).map(SplitSpec.KFold::new));
  }

  @Property
  void everySplit_noTestRatingInTraining_andSidesCoverTheData(
      @ForAll("datasets") RatingDataset data, @ForAll("specs") SplitSpec spec, @ForAll long seed) {
    for (Split split : spec.apply(data, seed)) {
      Set<Long> trainPairs = pairs(split.train());
      Set<Long> testPairs = pairs(split.test());
      Set<Long> leaked = new HashSet<>(testPairs);
      leaked.retainAll(trainPairs);
      assertThat(leaked).as("test pairs also in training").isEmpty();
      assertThat(split.train().size() + split.test().size()).isEqualTo(data.size());
      Set<Long> all = new HashSet<>(trainPairs);
      all.addAll(testPairs);
      assertThat(all).isEqualTo(pairs(data));
    }
  }

  @Property
  void everySplit_coldIdsAreExactlyTestIdsWithoutTrainingRows(
      @ForAll("datasets") RatingDataset data, @ForAll("specs") SplitSpec spec, @ForAll long seed) {
    for (Split split : spec.apply(data, seed)) {
      Set<Integer> trainUsers = new HashSet<>();
      Set<Integer> trainMovies = new HashSet<>();
      for (int row = 0; row < split.train().size(); row++) {
        trainUsers.add(split.train().rawUserId(row));
        trainMovies.add(split.train().rawMovieId(row));
      }
      Set<Integer> coldUsers = new HashSet<>();
      Set<Integer> coldMovies = new HashSet<>();
      for (int row = 0; row < split.test().size(); row++) {
        if (!trainUsers.contains(split.test().rawUserId(row))) {
          coldUsers.add(split.test().rawUserId(row));
        }
        if (!trainMovies.contains(split.test().rawMovieId(row))) {
          coldMovies.add(split.test().rawMovieId(row));
        }
      }
      assertThat(asSet(split.coldUsers().rawIds())).isEqualTo(coldUsers);
      assertThat(asSet(split.coldMovies().rawIds())).isEqualTo(coldMovies);
    }
  }

  @Property
  void kFold_testSidesPartitionTheRows(
      @ForAll("datasets") RatingDataset data,
      @ForAll @IntRange(min = 2, max = 10) int folds,
      @ForAll long seed) {
    List<Split> splits = Splits.kFold(data, folds, seed);
    Set<Long> seen = new HashSet<>();
    for (Split split : splits) {
      for (long pair : pairs(split.test())) {
        assertThat(seen.add(pair)).as("pair in two test folds").isTrue();
      }
      assertThat(split.test().size()).isBetween(data.size() / folds, data.size() / folds + 1);
    }
    assertThat(seen).isEqualTo(pairs(data));
  }

  @Property
  void perUserHoldouts_keepEveryUserInTraining(
      @ForAll("datasets") RatingDataset data,
      @ForAll @IntRange(min = 1, max = 10) int count,
      @ForAll long seed) {
    assertThat(Splits.perUserLast(data, count).coldUsers().size()).isZero();
    assertThat(Splits.perUserRandom(data, count, seed).coldUsers().size()).isZero();
  }

  @Property
  void sameSeed_sameSplit(
      @ForAll("datasets") RatingDataset data, @ForAll("specs") SplitSpec spec, @ForAll long seed) {
    List<Split> first = spec.apply(data, seed);
    List<Split> second = spec.apply(data, seed);
    for (int i = 0; i < first.size(); i++) {
      assertThat(pairs(second.get(i).test())).isEqualTo(pairs(first.get(i).test()));
    }
  }

  private static Set<Long> pairs(RatingDataset data) {
    Set<Long> pairs = new HashSet<>();
    for (int row = 0; row < data.size(); row++) {
      pairs.add((long) data.rawUserId(row) << 32 | data.rawMovieId(row));
    }
    return pairs;
  }

  private static Set<Integer> asSet(int[] ids) {
    Set<Integer> set = new HashSet<>();
    for (int id : ids) {
      set.add(id);
    }
    return set;
  }
}
