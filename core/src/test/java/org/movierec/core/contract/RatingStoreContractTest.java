package org.movierec.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.movierec.core.data.MovieInfo;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.store.RatingStore;
import org.movierec.core.store.StoreException;
import org.movierec.core.store.StoreSnapshot;
import org.movierec.core.store.StoredRating;

/**
 * What every ratings store must do, against the real database: keep one rating per user and movie,
 * write all or nothing, delete one rating or a whole user, read a user's ratings and a consistent
 * snapshot while others write, keep its scale and catalog, and keep everything across a reopen. A
 * store runs it by extending this class with a way to open a fresh store and reopen the same one.
 */
public abstract class RatingStoreContractTest {

  /** The store under test, fresh for each test. */
  protected RatingStore store;

  /** Opens a new, empty store for one test. */
  protected abstract RatingStore openFresh() throws Exception;

  /** Opens the store of the current test again, as a restarted process would. */
  protected abstract RatingStore reopen() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = openFresh();
    store.requireScale(RatingScale.WHOLE_STARS);
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void append_thenUserRatings_givesThemByMovie() {
    store.append(List.of(rating(7, 30, 4), rating(7, 10, 5), rating(8, 10, 1)));

    assertThat(store.userRatings(7)).containsExactly(rating(7, 10, 5), rating(7, 30, 4));
    assertThat(store.userRatings(9)).isEmpty();
    assertThat(store.size()).isEqualTo(3);
  }

  @Test
  void append_sameMovieAgain_replacesTheEarlierRating() {
    store.append(List.of(rating(7, 10, 2)));
    store.append(List.of(new StoredRating(7, 10, 5, 2_000)));

    assertThat(store.userRatings(7)).containsExactly(new StoredRating(7, 10, 5, 2_000));
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void append_oneRatingOffScale_writesNoneAndNamesIt() {
    store.append(List.of(rating(1, 1, 3)));

    assertThatThrownBy(() -> store.append(List.of(rating(1, 2, 4), rating(1, 3, 6))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("movie 3")
        .hasMessageContaining("1..5 step 1");
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void requireScale_otherScale_isRefusedNamingBoth() {
    assertThatThrownBy(() -> store.requireScale(RatingScale.HALF_STARS))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("1..5 step 1")
        .hasMessageContaining("0.5..5 step 0.5");
  }

  @Test
  void deleteRating_removesOnlyThatRating() {
    store.append(List.of(rating(7, 10, 5), rating(7, 11, 4), rating(8, 10, 3)));

    assertThat(store.deleteRating(7, 10)).isTrue();
    assertThat(store.deleteRating(7, 10)).isFalse();
    assertThat(store.userRatings(7)).containsExactly(rating(7, 11, 4));
    assertThat(store.userRatings(8)).containsExactly(rating(8, 10, 3));
  }

  @Test
  void deleteUser_removesAllOfThatUserAndNoOneElse() {
    store.append(List.of(rating(7, 10, 5), rating(7, 11, 4), rating(8, 10, 3)));

    assertThat(store.deleteUser(7)).isEqualTo(2);
    assertThat(store.deleteUser(7)).isZero();
    assertThat(store.userRatings(7)).isEmpty();
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void deleteUser_marksThemForgottenUntilTheyRateAgain() {
    store.append(List.of(rating(7, 10, 5)));
    assertThat(store.isForgotten(7)).isFalse();

    store.deleteUser(7);
    assertThat(store.isForgotten(7)).isTrue();
    assertThat(store.isForgotten(8)).isFalse();

    store.append(List.of(rating(7, 11, 2)));
    assertThat(store.isForgotten(7)).isFalse();
    assertThat(store.userRatings(7)).containsExactly(rating(7, 11, 2));
  }

  @Test
  void snapshot_holdsEveryRatingWithScaleAndCatalog() {
    store.putMovies(
        List.of(
            new MovieInfo(10, "Toy Story", OptionalInt.of(1995), List.of("Animation", "Comedy")),
            new MovieInfo(11, "Untitled", OptionalInt.empty(), List.of())));
    store.append(List.of(rating(7, 10, 5), rating(8, 11, 2)));

    StoreSnapshot snapshot = store.snapshot();
    RatingDataset ratings = snapshot.ratings();

    assertThat(ratings.size()).isEqualTo(2);
    assertThat(ratings.scale()).isEqualTo(RatingScale.WHOLE_STARS);
    Map<String, Float> rows = new HashMap<>();
    for (int row = 0; row < ratings.size(); row++) {
      rows.put(ratings.rawUserId(row) + "/" + ratings.rawMovieId(row), ratings.rating(row));
      assertThat(ratings.timestamp(row)).isEqualTo(1_000L);
    }
    assertThat(rows).containsOnly(Map.entry("7/10", 5f), Map.entry("8/11", 2f));
    assertThat(ratings.catalog().find(10).orElseThrow().genres())
        .containsExactly("Animation", "Comedy");
    assertThat(ratings.catalog().find(10).orElseThrow().year()).hasValue(1995);
    assertThat(ratings.catalog().find(11).orElseThrow().year()).isEmpty();
    assertThat(ratings.catalog().find(11).orElseThrow().genres()).isEmpty();
    assertThat(snapshot.location()).isEqualTo(store.location());
  }

  @Test
  void snapshot_whileAnotherThreadWritesPairs_seesWholePairsOnly() throws Exception {
    // Each write puts two ratings of a new user in one transaction: a snapshot that is not one
    // consistent state would sooner or later catch a user with one of the two.
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService writer = Executors.newSingleThreadExecutor();
    Future<Integer> written =
        writer.submit(
            () -> {
              int user = 0;
              while (!stop.get() && user < 5_000) {
                user++;
                store.append(List.of(rating(user, 1, 3), rating(user, 2, 4)));
              }
              return user;
            });
    try {
      for (int i = 0; i < 20; i++) {
        RatingDataset ratings = store.snapshot().ratings();
        int[] perUser = new int[ratings.users().size()];
        for (int row = 0; row < ratings.size(); row++) {
          perUser[ratings.userIndex(row)]++;
        }
        for (int count : perUser) {
          assertThat(count).isEqualTo(2);
        }
      }
    } finally {
      stop.set(true);
      writer.shutdown();
    }
    int users = written.get(60, TimeUnit.SECONDS);
    assertThat(store.size()).isEqualTo(2L * users);
  }

  @Test
  void append_fromManyThreadsAtOnce_keepsEveryRating() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int thread = 0; thread < 8; thread++) {
      int user = thread;
      done.add(
          pool.submit(
              () -> {
                for (int movie = 0; movie < 50; movie++) {
                  store.append(List.of(rating(user, movie, 1 + movie % 5)));
                }
              }));
    }
    for (Future<?> future : done) {
      future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(store.size()).isEqualTo(400);
    assertThat(store.userRatings(3)).hasSize(50).contains(rating(3, 49, 5));
  }

  @Test
  void reopen_keepsRatingsScaleAndMovies() throws Exception {
    store.putMovies(List.of(new MovieInfo(10, "Heat", OptionalInt.of(1995), List.of("Crime"))));
    store.append(List.of(rating(7, 10, 5), rating(8, 10, 2)));
    store.close();

    store = reopen();

    assertThat(store.scale()).contains(RatingScale.WHOLE_STARS);
    assertThat(store.size()).isEqualTo(2);
    assertThat(store.userRatings(8)).containsExactly(rating(8, 10, 2));
    assertThat(store.catalog().find(10).orElseThrow().title()).isEqualTo("Heat");
  }

  /** A rating given at second 1000. */
  protected static StoredRating rating(int user, int movie, float stars) {
    return new StoredRating(user, movie, stars, 1_000);
  }
}
