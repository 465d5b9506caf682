package org.movierec.server.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Set;

/**
 * The one directory a reload may read model files from, and the bounded reading of them. A name
 * asked for over HTTP is resolved against the directory, and the file it leads to once every
 * symbolic link is followed must be a regular file inside the directory's own real path and no
 * larger than the cap; anything else, whether it exists or not, gets one and the same refusal, so
 * that a caller learns nothing about files elsewhere.
 */
public final class ModelDirectory {

  /** A name that does not lead to a readable model file inside the directory. */
  public static final class RefusedException extends IOException {

    private RefusedException(String message) {
      super(message);
    }
  }

  private final Path root;
  private final long maxBytes;

  private ModelDirectory(Path root, long maxBytes) {
    this.root = root;
    this.maxBytes = maxBytes;
  }

  /**
   * The directory, with every symbolic link in its path followed once, now.
   *
   * @param maxBytes the largest model file read from it
   * @throws IOException when it does not exist or is not a directory
   */
  public static ModelDirectory of(Path dir, long maxBytes) throws IOException {
    Objects.requireNonNull(dir, "dir");
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
    Path real = dir.toAbsolutePath().toRealPath();
    if (!Files.isDirectory(real)) {
      throw new NotDirectoryException(dir + " (the model directory) is not a directory");
    }
    return new ModelDirectory(real, maxBytes);
  }

  /** The directory's real path. */
  public Path root() {
    return root;
  }

  /** The largest model file read. */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * The real path of the model file a request names: relative to the directory, or absolute and
   * inside it.
   *
   * @throws RefusedException when the name leads anywhere but to a regular file inside the
   *     directory, with a message that repeats only the name and says nothing about what exists
   */
  public Path resolve(String name) throws RefusedException {
    Path asked;
    try {
      asked = root.resolve(name).normalize();
    } catch (InvalidPathException e) {
      throw refused(name);
    }
    // The lexical check comes first, so that a name outside never touches the file system.
    if (!asked.startsWith(root) || asked.equals(root)) {
      throw refused(name);
    }
    Path real;
    BasicFileAttributes attributes;
    try {
      real = asked.toRealPath();
      attributes = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | SecurityException e) {
      throw refused(name);
    }
    if (!real.startsWith(root) || !attributes.isRegularFile()) {
      throw refused(name);
    }
    return real;
  }

  /** The name of a file inside the directory relative to it, as answers show it. */
  public String nameOf(Path file) {
    Path real = file.toAbsolutePath().normalize();
    return real.startsWith(root) ? root.relativize(real).toString() : real.getFileName().toString();
  }

  /**
   * Reads a regular file of at most {@code maxBytes}; a FIFO, a device or a file that grows past
   * the cap while it is read is refused rather than waited on or read without end.
   *
   * @throws RefusedException when it is not a regular file or is larger than the cap
   * @throws IOException when it cannot be read
   */
  public static byte[] readBounded(Path file, long maxBytes, String shownAs) throws IOException {
    BasicFileAttributes attributes =
        Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (!attributes.isRegularFile()) {
      throw new RefusedException(shownAs + " is not a regular file");
    }
    if (attributes.size() > maxBytes) {
      throw tooLarge(shownAs, maxBytes);
    }
    try (SeekableByteChannel channel =
            Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        InputStream in = Channels.newInputStream(channel)) {
      int cap = (int) Math.min(maxBytes, Integer.MAX_VALUE - 64);
      byte[] bytes = in.readNBytes(cap);
      if (bytes.length == cap && in.read() >= 0) {
        throw tooLarge(shownAs, maxBytes);
      }
      return bytes;
    }
  }

  /** Reads a file {@link #resolve} returned, capped at this directory's limit. */
  public byte[] read(Path file) throws IOException {
    return readBounded(file, maxBytes, nameOf(file));
  }

  private static RefusedException tooLarge(String shownAs, long maxBytes) {
    return new RefusedException(
        shownAs + " is larger than max_model_bytes = " + maxBytes + " bytes");
  }

  private static RefusedException refused(String name) {
    String shown = name.length() <= 80 ? name : name.substring(0, 80) + "...";
    return new RefusedException(
        "'"
            + shown
            + "' does not name a regular file inside the model directory (model_dir); name a"
            + " model file there, relative to it");
  }
}
