package org.movierec.server.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.movierec.core.file.ModelFile;

/**
 * A model file's bytes as read once: a model is loaded and versioned from exactly these bytes, so
 * that a file replaced during a reload cannot give a version of other bytes than those loaded.
 *
 * @param file where the bytes came from, for messages and descriptions
 * @param bytes the whole file
 */
public record ModelBytes(Path file, byte[] bytes) {

  /** Rejects missing parts. */
  public ModelBytes {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(bytes, "bytes");
  }

  /**
   * Reads a whole model file.
   *
   * @throws IOException when it cannot be read
   */
  public static ModelBytes read(Path file) throws IOException {
    return new ModelBytes(file, ModelFile.bytesOf(file));
  }

  /**
   * Reads a whole model file when there is one to read.
   *
   * @throws IOException when it cannot be read
   */
  public static Optional<ModelBytes> readIfPresent(Optional<Path> file) throws IOException {
    return file.isPresent() ? Optional.of(read(file.get())) : Optional.empty();
  }
}
