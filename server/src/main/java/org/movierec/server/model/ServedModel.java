package org.movierec.server.model;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.movierec.core.file.ModelFile;
import org.movierec.core.model.Model;
import org.movierec.core.pair.PairedModel;

/**
 * One loaded model as the server answers with it: the model, the SHA-256 of the file bytes it was
 * loaded from (its version, as {@code sha256sum} prints it), where and when it was loaded, and
 * which load it was. A model whose stars come from a second file ({@link PairedModel}) is versioned
 * by both files' SHA-256 joined by {@code +}. Immutable; the model is closed once the slot has let
 * go of it and the last request using it has finished.
 */
public final class ServedModel {

  private final Model model;
  private final ModelFiles files;
  private final String modelVersion;
  private final Optional<String> ratingVersion;
  private final String version;
  private final Instant loadedAt;
  private final long generation;

  /** One hold for the slot while this model is current, plus one per request in flight. */
  private final AtomicInteger holds = new AtomicInteger(1);

  private ServedModel(Loaded loaded, Instant loadedAt, long generation) {
    this.model = Objects.requireNonNull(loaded.model(), "model");
    this.files = loaded.files();
    this.modelVersion = loaded.modelVersion();
    this.ratingVersion = loaded.ratingVersion();
    this.version = ratingVersion.map(rating -> modelVersion + "+" + rating).orElse(modelVersion);
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
    return load(ModelFiles.of(file), loader, loadedAt, generation);
  }

  /**
   * Loads a model file, or a pair of them, as the server does; see {@link #load(Path,
   * ModelFileLoader, Instant, long)}.
   *
   * @throws org.movierec.core.file.ModelFileException when a file is damaged or foreign
   * @throws IllegalArgumentException when the two models of a pair know other users or movies
   * @throws IOException when a file cannot be read
   */
  public static ServedModel load(
      ModelFiles files, ModelFileLoader loader, Instant loadedAt, long generation)
      throws IOException {
    Optional<ModelBytes> rating = ModelBytes.readIfPresent(files.ratingModel());
    return loaded(ModelBytes.read(files.model()), rating, loader).served(loadedAt, generation);
  }

  /**
   * A model loaded from bytes already read, not yet numbered: a reload loads it before it takes the
   * slot's lock and numbers it under the lock. With a rating model's bytes, both are loaded and
   * paired, and neither stays open when either fails.
   *
   * @throws org.movierec.core.file.ModelFileException when the bytes are damaged or foreign
   * @throws IllegalArgumentException when the two models of a pair know other users or movies
   */
  static Loaded loaded(ModelBytes model, Optional<ModelBytes> rating, ModelFileLoader loader) {
    Model first = loader.load(ModelFile.parse(model.file(), model.bytes()));
    if (rating.isEmpty()) {
      return new Loaded(
          first, ModelFiles.of(model.file()), sha256(model.bytes()), Optional.empty());
    }
    try {
      Model second = loader.load(ModelFile.parse(rating.get().file(), rating.get().bytes()));
      try {
        Model pair =
            PairedModel.builder()
                .setRankingModel(first, model.file().getFileName().toString())
                .setRatingModel(second, rating.get().file().getFileName().toString())
                .build();
        return new Loaded(
            pair,
            ModelFiles.pair(model.file(), rating.get().file()),
            sha256(model.bytes()),
            Optional.of(sha256(rating.get().bytes())));
      } catch (RuntimeException e) {
        second.close();
        throw e;
      }
    } catch (RuntimeException e) {
      first.close();
      throw e;
    }
  }

  /** A loaded model before it is served; whoever drops it closes its model. */
  record Loaded(
      Model model, ModelFiles files, String modelVersion, Optional<String> ratingVersion) {

    ServedModel served(Instant loadedAt, long generation) {
      return new ServedModel(this, loadedAt, generation);
    }
  }

  /** The model; valid while a lease on it is open. */
  public Model model() {
    return model;
  }

  /**
   * What answers are versioned by: the lower-case hex SHA-256 of the model file's bytes, or for a
   * pair the model file's and the rating model file's joined by {@code +}.
   */
  public String version() {
    return version;
  }

  /** The first 12 hex digits of each file's SHA-256, as logs and the command line show them. */
  public String shortVersion() {
    return modelVersion.substring(0, 12)
        + ratingVersion.map(rating -> "+" + rating.substring(0, 12)).orElse("");
  }

  /** The lower-case hex SHA-256 of the rating model file's bytes, when stars come from one. */
  public Optional<String> ratingVersion() {
    return ratingVersion;
  }

  /** The files it was loaded from. */
  public ModelFiles files() {
    return files;
  }

  /** The file it was loaded from; for a pair, the one whose model orders lists. */
  public Path file() {
    return files.model();
  }

  /** The file the rating model was loaded from, when stars come from a second file. */
  public Optional<Path> ratingFile() {
    return files.ratingModel();
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
