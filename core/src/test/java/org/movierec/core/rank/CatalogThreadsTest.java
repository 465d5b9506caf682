package org.movierec.core.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How {@link CatalogThreads} cuts a catalog into chunks and who scores them. */
class CatalogThreadsTest {

  private static final int ALIGN = 128;

  /** Tries at a hand-off that an idle helper accepts. */
  private static final int ATTEMPTS = 100;

  @Test
  void forEachChunk_largeCatalog_coversEveryMovieOnceInAlignedPieces() {
    int count = 5 * CatalogThreads.MIN_CHUNK + 77;
    List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
    int[] visits = new int[count];
    CatalogThreads.of(3)
        .forEachChunk(
            count,
            ALIGN,
            (start, end) -> {
              ranges.add(new int[] {start, end});
              for (int movie = start; movie < end; movie++) {
                visits[movie]++;
              }
            });
    assertThat(visits).containsOnly(1);
    assertThat(ranges).hasSize(6);
    for (int[] range : ranges) {
      assertThat(range[0] % ALIGN).as("piece start %d", range[0]).isZero();
      assertThat(range[1] - range[0]).isLessThanOrEqualTo(CatalogThreads.MIN_CHUNK);
    }
  }

  @Test
  void forEachChunk_helperKeptOffItsCore_callerScoresEveryOtherPiece() {
    CatalogThreads two = CatalogThreads.of(2);
    int count = 8 * CatalogThreads.MIN_CHUNK;
    Map<String, Integer> piecesByThread = new ConcurrentHashMap<>();
    String caller = Thread.currentThread().getName();
    // A helper that stalls in its first piece, as one whose core another process holds.
    CountDownLatch never = new CountDownLatch(1);
    for (int attempt = 0; attempt < ATTEMPTS && piecesByThread.size() < 2; attempt++) {
      piecesByThread.clear();
      two.forEachChunk(
          count,
          ALIGN,
          (start, end) -> {
            String name = Thread.currentThread().getName();
            piecesByThread.merge(name, 1, Integer::sum);
            // the caller's pieces take a little time, so that an idle helper takes one
            awaitBriefly(never, name.equals(caller) ? 2 : 300);
          });
    }
    assertThat(piecesByThread).hasSize(2).containsEntry(caller, 7);
  }

  @Test
  void forEachChunk_catalogUnderTwoMinimumChunks_runsOnceOnTheCaller() {
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
    CatalogThreads.of(4)
        .forEachChunk(
            2 * CatalogThreads.MIN_CHUNK - 1,
            ALIGN,
            (start, end) -> {
              threads.add(Thread.currentThread().getName());
              ranges.add(new int[] {start, end});
            });
    assertThat(ranges).containsExactly(new int[] {0, 2 * CatalogThreads.MIN_CHUNK - 1});
    assertThat(threads).containsExactly(Thread.currentThread().getName());
  }

  @Test
  void forEachChunk_idleHelper_scoresAChunkOnAnotherThread() {
    CatalogThreads two = CatalogThreads.of(2);
    Set<String> names = ConcurrentHashMap.newKeySet();
    String caller = Thread.currentThread().getName();
    // A helper is idle again only a moment after its last chunk, so a hand-off may be refused;
    // the caller's chunk waits a little for the other to start, so it does not take it back.
    for (int attempt = 0; attempt < ATTEMPTS && names.size() < 2; attempt++) {
      CountDownLatch otherStarted = new CountDownLatch(1);
      two.forEachChunk(
          4 * CatalogThreads.MIN_CHUNK,
          ALIGN,
          (start, end) -> {
            names.add(Thread.currentThread().getName());
            if (start == 0) {
              awaitBriefly(otherStarted);
            } else {
              otherStarted.countDown();
            }
          });
    }
    assertThat(names).hasSize(2).contains(caller);
    assertThat(names).anyMatch(name -> name.startsWith("movierec-catalog-"));
  }

  @Test
  void forEachChunk_asManyListsInFlightAsThreads_callerScoresEveryChunk() throws Exception {
    CatalogThreads two = CatalogThreads.of(2);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // Another list in flight, small enough to stay on its own thread and leave the helper idle.
    Thread other =
        new Thread(
            () ->
                two.forEachChunk(
                    CatalogThreads.MIN_CHUNK,
                    ALIGN,
                    (start, end) -> {
                      inside.countDown();
                      awaitBriefly(release, 10_000);
                    }),
            "other-list");
    other.start();
    try {
      assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
      Set<String> names = ConcurrentHashMap.newKeySet();
      List<int[]> ranges = Collections.synchronizedList(new ArrayList<>());
      int count = 4 * CatalogThreads.MIN_CHUNK;
      two.forEachChunk(
          count,
          ALIGN,
          (start, end) -> {
            names.add(Thread.currentThread().getName());
            ranges.add(new int[] {start, end});
          });
      assertThat(ranges).containsExactly(new int[] {0, count});
      assertThat(names).containsExactly(Thread.currentThread().getName());
    } finally {
      release.countDown();
      other.join(10_000);
    }
  }

  @Test
  void forEachChunk_chunkThrows_rethrowsOnTheCallerAfterEveryChunk() {
    int[] finished = new int[1];
    assertThatThrownBy(
            () ->
                CatalogThreads.of(2)
                    .forEachChunk(
                        4 * CatalogThreads.MIN_CHUNK,
                        ALIGN,
                        (start, end) -> {
                          if (start > 0) {
                            throw new IllegalStateException("chunk at " + start);
                          }
                          synchronized (finished) {
                            finished[0]++;
                          }
                        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("chunk at ");
    assertThat(finished[0]).isEqualTo(1);
  }

  @Test
  void of_zero_asksForOnePerCore_andSharesHelpersPerCount() {
    assertThat(CatalogThreads.of(0).threads())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(CatalogThreads.of(1)).isSameAs(CatalogThreads.single());
    assertThat(CatalogThreads.of(3)).isSameAs(CatalogThreads.of(3));
  }

  @Test
  void of_outOfRange_namesTheKeyAndTheAllowedRange() {
    assertThatThrownBy(() -> CatalogThreads.of(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recommend_threads")
        .hasMessageContaining("0.." + CatalogThreads.MAX_THREADS);
    assertThatThrownBy(() -> CatalogThreads.of(CatalogThreads.MAX_THREADS + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void awaitBriefly(CountDownLatch latch) {
    awaitBriefly(latch, 100);
  }

  private static void awaitBriefly(CountDownLatch latch, long millis) {
    try {
      latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
