package org.movierec.server.model;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.movierec.core.file.ModelFile;
import org.movierec.core.model.Model;

/**
 * One loaded model as the server answers with it: the model, the SHA-256 of the file bytes it was
 * loaded from (its version, as {@code sha256sum} prints it), where and when it was loaded, and
 * which load it was. Immutable; the model is closed once the slot has let go of it and the last
 * request using it has finished.
 */
public final class ServedModel {

  private final Model model;
  private final String version;
  private final Path file;
  private final Instant loadedAt;
  private final long generation;

  /** One hold for the slot while this model is current, plus one per request in flight. */
  private final AtomicInteger holds = new AtomicInteger(1);

  private ServedModel(Model model, String version, Path file, Instant loadedAt, long generation) {
    this.model = Objects.requireNonNull(model, "model");
    this.version = Objects.requireNonNull(version, "version");
    this.file = Objects.requireNonNull(file, "file");
    this.loadedAt = Objects.requireNonNull(loadedAt, "loadedAt");
    this.generation = generation;
  }

  /**
   * Loads a model file as the server does, versioned by the SHA-256 of exactly the bytes it loads;
   * a caller outside a {@link ModelSlot} closes the model itself.
   *
   * @param generation which load of the server this is, from 1
   * @throws org.movierec.core.file.ModelFileException when the file is damaged or foreign
   * @throws IOException when the file cannot be read
   */
  public static ServedModel load(
      Path file, ModelFileLoader loader, Instant loadedAt, long generation) throws IOException {
    return loaded(file, ModelFile.bytesOf(file), loader).served(loadedAt, generation);
  }

  /**
   * A model loaded from bytes already read, not yet numbered: a reload loads it before it takes the
   * slot's lock and numbers it under the lock.
   *
   * @throws org.movierec.core.file.ModelFileException when the bytes are damaged or foreign
   */
  static Loaded loaded(Path file, byte[] bytes, ModelFileLoader loader) {
    String version = sha256(bytes);
    return new Loaded(loader.load(ModelFile.parse(file, bytes)), version, file);
  }

  /** A loaded model before it is served; whoever drops it closes its model. */
  record Loaded(Model model, String version, Path file) {

    ServedModel served(Instant loadedAt, long generation) {
      return new ServedModel(model, version, file, loadedAt, generation);
    }
  }

  /** The model; valid while a lease on it is open. */
  public Model model() {
    return model;
  }

  /** The lower-case hex SHA-256 of the model file's bytes. */
  public String version() {
    return version;
  }

  /** The file it was loaded from. */
  public Path file() {
    return file;
  }

  /** When it was loaded. */
  public Instant loadedAt() {
    return loadedAt;
  }

  /** Which load of this server it was: 1 for the first model, counting up with every reload. */
  public long generation() {
    return generation;
  }

  /** Takes a hold unless the model has already been let go of and closed. */
  boolean tryHold() {
    for (int current = holds.get(); current > 0; current = holds.get()) {
      if (holds.compareAndSet(current, current + 1)) {
        return true;
      }
    }
    return false;
  }

  /** Gives a hold back; the last one closes the model. */
  void release() {
    int left = holds.decrementAndGet();
    if (left == 0) {
      model.close();
    } else if (left < 0) {
      throw new IllegalStateException("model " + version + " released more often than held");
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
