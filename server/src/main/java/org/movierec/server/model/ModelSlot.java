package org.movierec.server.model;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the model being served and swaps it atomically. A request takes a {@link ModelLease} on
 * whatever model is current and keeps it to the end, so a reload never mixes two models in one
 * answer; the replaced model is closed when its last lease is. A file that fails to load (missing,
 * truncated, corrupt, foreign) leaves the current model serving.
 */
public final class ModelSlot implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ModelSlot.class);

  private final AtomicReference<ServedModel> current;
  private final ModelFileLoader loader;
  private final Clock clock;
  private final BiConsumer<ServedModel, ServedModel> onSwap;
  private final Object reloadLock = new Object();

  private ModelSlot(
      ServedModel first,
      ModelFileLoader loader,
      Clock clock,
      BiConsumer<ServedModel, ServedModel> onSwap) {
    this.current = new AtomicReference<>(first);
    this.loader = loader;
    this.clock = clock;
    this.onSwap = onSwap;
  }

  /**
   * A slot serving the model in a file.
   *
   * @param onSwap told of every swap with the previous model (null for the first) and the new one
   * @throws org.movierec.core.file.ModelFileException when the file is damaged or foreign
   * @throws IOException when the file cannot be read
   */
  public static ModelSlot open(
      Path file, ModelFileLoader loader, Clock clock, BiConsumer<ServedModel, ServedModel> onSwap)
      throws IOException {
    Objects.requireNonNull(loader, "loader");
    ServedModel first = ServedModel.load(file, loader, clock.instant(), 1);
    onSwap.accept(null, first);
    return new ModelSlot(first, loader, clock, onSwap);
  }

  /**
   * A lease on the current model, to be closed when the request is done with it.
   *
   * @throws SlotClosedException when the slot is closed
   */
  public ModelLease lease() {
    while (true) {
      ServedModel served = current.get();
      if (served == null) {
        throw new SlotClosedException();
      }
      if (served.tryHold()) {
        return new ModelLease(served);
      }
      // A reload let go of this model between the read and the hold: read the new one.
    }
  }

  /**
   * The current model's description, without holding it; its model may close at any time.
   *
   * @throws SlotClosedException when the slot is closed
   */
  public ServedModel peek() {
    ServedModel served = current.get();
    if (served == null) {
      throw new SlotClosedException();
    }
    return served;
  }

  /**
   * Loads a model file beside the current model and, once it has loaded, makes it current. Reloads
   * run one at a time.
   *
   * @return the new current model
   * @throws org.movierec.core.file.ModelFileException when the file is damaged or foreign; the
   *     current model keeps serving
   * @throws IOException when the file cannot be read; the current model keeps serving
   */
  public ServedModel reload(Path file) throws IOException {
    synchronized (reloadLock) {
      ServedModel previous = peek();
      ServedModel next = ServedModel.load(file, loader, clock.instant(), previous.generation() + 1);
      // close() takes the same lock, so the slot is still open and previous still current.
      current.set(next);
      onSwap.accept(previous, next);
      previous.release();
      LOG.info(
          "now serving {} (version {}, load {}); model {} closes when its last request ends",
          file,
          shortVersion(next),
          next.generation(),
          shortVersion(previous));
      return next;
    }
  }

  /** Stops serving; the model closes when its last request has finished. */
  @Override
  public void close() {
    synchronized (reloadLock) {
      ServedModel last = current.getAndSet(null);
      if (last != null) {
        last.release();
      }
    }
  }

  private static String shortVersion(ServedModel served) {
    return served.version().substring(0, 12);
  }
}
