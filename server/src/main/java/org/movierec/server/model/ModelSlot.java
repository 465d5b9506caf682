package org.movierec.server.model;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.movierec.core.file.ModelFile;
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
    return open(ModelFiles.of(file), loader, clock, onSwap);
  }

  /**
   * A slot serving the model in a file, or the pair of models in two.
   *
   * @param onSwap told of every swap with the previous model (null for the first) and the new one
   * @throws org.movierec.core.file.ModelFileException when a file is damaged or foreign
   * @throws IllegalArgumentException when the two models of a pair know other users or movies
   * @throws IOException when a file cannot be read
   */
  public static ModelSlot open(
      ModelFiles files,
      ModelFileLoader loader,
      Clock clock,
      BiConsumer<ServedModel, ServedModel> onSwap)
      throws IOException {
    Objects.requireNonNull(loader, "loader");
    ServedModel first = ServedModel.load(files, loader, clock.instant(), 1);
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

  /** What a reload did: the model it replaced and the one it made current. */
  public record Swap(ServedModel previous, ServedModel next) {}

  /**
   * Loads a model file beside the current model and, once it has loaded, makes it current.
   *
   * @return the replaced model and the new current one
   * @throws org.movierec.core.file.ModelFileException when the file is damaged or foreign; the
   *     current model keeps serving
   * @throws IOException when the file cannot be read; the current model keeps serving
   */
  public Swap reload(Path file) throws IOException {
    return reload(file, ModelFile.bytesOf(file));
  }

  /**
   * Loads a model file, or a pair of them, beside the current model and, once loaded, makes it
   * current; a pair is swapped in whole or not at all.
   *
   * @return the replaced model and the new current one
   * @throws org.movierec.core.file.ModelFileException when a file is damaged or foreign; the
   *     current model keeps serving
   * @throws IllegalArgumentException when the two models of a pair know other users or movies; the
   *     current model keeps serving
   * @throws IOException when a file cannot be read; the current model keeps serving
   */
  public Swap reload(ModelFiles files) throws IOException {
    Optional<ModelBytes> rating = ModelBytes.readIfPresent(files.ratingModel());
    return reload(ModelBytes.read(files.model()), rating);
  }

  /**
   * Loads a model from a file's bytes, read by the caller, and makes it current. The load runs
   * outside the slot's lock, so that a slow or stuck load never holds up {@link #close()} or
   * another reload's swap; swaps run one at a time and number the models in the order they became
   * current.
   *
   * @param file where the bytes came from, for messages and the model's description
   * @return the replaced model and the new current one
   * @throws org.movierec.core.file.ModelFileException when the bytes are damaged or foreign; the
   *     current model keeps serving
   * @throws SlotClosedException when the slot closed while the model loaded; it is closed again
   */
  public Swap reload(Path file, byte[] bytes) {
    return reload(new ModelBytes(file, bytes), Optional.empty());
  }

  /**
   * Loads a model, or with a rating model's bytes a pair of models, from bytes read by the caller
   * and makes it current; see {@link #reload(Path, byte[])}. Both models of a pair load before the
   * swap, so a pair that fails to load or to pair leaves the current model serving.
   *
   * @throws org.movierec.core.file.ModelFileException when the bytes are damaged or foreign
   * @throws IllegalArgumentException when the two models of a pair know other users or movies
   * @throws SlotClosedException when the slot closed while the model loaded; it is closed again
   */
  public Swap reload(ModelBytes model, Optional<ModelBytes> rating) {
    ServedModel.Loaded loaded = ServedModel.loaded(model, rating, loader);
    ServedModel previous;
    ServedModel next;
    synchronized (reloadLock) {
      previous = current.get();
      if (previous == null) {
        loaded.model().close();
        throw new SlotClosedException();
      }
      next = loaded.served(clock.instant(), previous.generation() + 1);
      current.set(next);
      try {
        onSwap.accept(previous, next);
      } catch (RuntimeException e) {
        LOG.warn("a swap listener failed after {} became current: {}", next.shortVersion(), e);
      } finally {
        // The slot's hold on the replaced model goes whatever a listener did.
        previous.release();
      }
    }
    LOG.info(
        "now serving {} (version {}, load {}); model {} closes when its last request ends",
        next.files(),
        next.shortVersion(),
        next.generation(),
        previous.shortVersion());
    return new Swap(previous, next);
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
}
