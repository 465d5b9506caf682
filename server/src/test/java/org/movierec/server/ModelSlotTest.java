package org.movierec.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.model.Model;
import org.movierec.core.testbackend.ForwardingModel;
import org.movierec.server.model.ModelFileLoader;
import org.movierec.server.model.ModelSlot;
import org.movierec.server.model.ServedModel;
import org.movierec.server.model.SlotClosedException;

/**
 * The slot's swap: a load runs outside its lock, so that closing never waits for one; a listener
 * failing after the swap still lets the replaced model close; and each reload reports the model it
 * replaced itself, not one read apart from the swap.
 */
class ModelSlotTest {

  @TempDir static Path dir;

  private static Path first;
  private static Path second;

  @BeforeAll
  static void models() throws Exception {
    first = TestModels.save(dir.resolve("first.mrec"), 2);
    second = TestModels.save(dir.resolve("second.mrec"), 60);
  }

  /** A model that remembers it was closed. */
  static final class Tracked extends ForwardingModel {
    final CountDownLatch closed = new CountDownLatch(1);

    Tracked(Model delegate) {
      super(delegate);
    }

    @Override
    public void close() {
      closed.countDown();
      super.close();
    }
  }

  @Test
  void reload_listenerThrowsAfterTheSwap_stillClosesThePreviousModel() throws Exception {
    List<Tracked> loaded = new ArrayList<>();
    ModelFileLoader loader =
        file -> {
          Tracked model = new Tracked(ModelFileLoader.discover().load(file));
          loaded.add(model);
          return model;
        };
    AtomicInteger swaps = new AtomicInteger();
    try (ModelSlot slot =
        ModelSlot.open(
            first,
            loader,
            Clock.systemUTC(),
            (old, next) -> {
              if (swaps.incrementAndGet() > 1) {
                throw new IllegalStateException("a listener that fails");
              }
            })) {
      ModelSlot.Swap swap = slot.reload(second);

      assertThat(swap.next().file()).isEqualTo(second);
      assertThat(slot.peek()).isSameAs(swap.next());
      assertThat(loaded.get(0).closed.await(5, TimeUnit.SECONDS))
          .as("the replaced model is closed although the listener threw")
          .isTrue();
    }
  }

  @Test
  @Timeout(30)
  void close_whileALoadIsStuck_returnsAtOnceAndTheLoadedModelIsClosed() throws Exception {
    CountDownLatch loading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger loads = new AtomicInteger();
    List<Tracked> loaded = new ArrayList<>();
    ModelFileLoader loader =
        file -> {
          if (loads.incrementAndGet() == 2) {
            loading.countDown();
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          Tracked model = new Tracked(ModelFileLoader.discover().load(file));
          loaded.add(model);
          return model;
        };
    ModelSlot slot = ModelSlot.open(first, loader, Clock.systemUTC(), (old, next) -> {});
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<ModelSlot.Swap> reload = pool.submit(() -> slot.reload(second));
      assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Void> closing = CompletableFuture.runAsync(slot::close);
      closing.get(5, TimeUnit.SECONDS);
      release.countDown();

      assertThatThrownBy(() -> reload.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(SlotClosedException.class);
      assertThat(loaded).hasSize(2);
      assertThat(loaded.get(1).closed.await(5, TimeUnit.SECONDS))
          .as("the model loaded after the slot closed is closed, not leaked")
          .isTrue();
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentReloads_eachReportsTheModelItReplaced() throws Exception {
    byte[] bytes = Files.readAllBytes(second);
    try (ModelSlot slot =
        ModelSlot.open(first, ModelFileLoader.discover(), Clock.systemUTC(), (old, next) -> {})) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<ModelSlot.Swap>> swaps = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        swaps.add(pool.submit(() -> slot.reload(second, bytes)));
      }
      Set<Long> previous = ConcurrentHashMap.newKeySet();
      for (Future<ModelSlot.Swap> future : swaps) {
        ModelSlot.Swap swap = future.get(30, TimeUnit.SECONDS);
        assertThat(swap.next().generation()).isEqualTo(swap.previous().generation() + 1);
        previous.add(swap.previous().generation());
      }
      pool.shutdown();

      assertThat(previous).as("every model was replaced exactly once").hasSize(16);
      ServedModel last = slot.peek();
      assertThat(last.generation()).isEqualTo(17);
    }
  }
}
