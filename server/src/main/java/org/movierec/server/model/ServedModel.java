package org.movierec.server.model;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
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

  ServedModel(Model model, String version, Path file, Instant loadedAt, long generation) {
    this.model = Objects.requireNonNull(model, "model");
    this.version = Objects.requireNonNull(version, "version");
    this.file = Objects.requireNonNull(file, "file");
    this.loadedAt = Objects.requireNonNull(loadedAt, "loadedAt");
    this.generation = generation;
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

  /** Tells whether the model has been closed, for tests and metrics. */
  boolean closed() {
    return holds.get() == 0;
  }
}
