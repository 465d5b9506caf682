package org.movierec.core.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that readers see the old content or the new, never a half-written file: the bytes
 * go to a temporary file beside the target, are forced to disk, then renamed over it.
 */
public final class AtomicFiles {

  /**
   * For crash tests only: when set to a byte count, the JVM halts after writing that many bytes of
   * the temporary file, as a power cut would.
   */
  static final String HALT_AFTER_BYTES = "movierec.test.haltAfterBytes";

  private static final int CHUNK = 1 << 20;
  private static final String TEMP_SUFFIX = ".tmp";

  private AtomicFiles() {}

  /** Replaces {@code target} with {@code content} atomically. */
  public static void write(Path target, byte[] content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Files.createDirectories(directory);
    String tempPrefix = "." + absolute.getFileName() + ".";
    removeLeftovers(directory, tempPrefix);
    Path temp = Files.createTempFile(directory, tempPrefix, TEMP_SUFFIX);
    keepPermissions(absolute, temp);
    try {
      long haltAfter = Long.getLong(HALT_AFTER_BYTES, -1);
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        for (int offset = 0; offset < content.length; offset += CHUNK) {
          int length = Math.min(CHUNK, content.length - offset);
          if (haltAfter >= 0 && offset + length > haltAfter) {
            int partial = (int) Math.max(0, haltAfter - offset);
            channel.write(ByteBuffer.wrap(content, offset, partial));
            channel.force(true);
            Runtime.getRuntime().halt(86);
          }
          ByteBuffer chunk = ByteBuffer.wrap(content, offset, length);
          while (chunk.hasRemaining()) {
            channel.write(chunk);
          }
        }
        channel.force(true);
      }
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      forceDirectory(directory);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Gives the temporary file the permissions of the file it replaces, or rw-r--r-- for a new one: a
   * temp file is created owner-only, which a saved model must not inherit.
   */
  private static void keepPermissions(Path target, Path temp) throws IOException {
    if (!Files.getFileStore(temp).supportsFileAttributeView("posix")) {
      return;
    }
    Files.setPosixFilePermissions(
        temp,
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
  }

  /** Deletes temporary files a crashed earlier save of the same target left behind. */
  private static void removeLeftovers(Path directory, String tempPrefix) throws IOException {
    try (var siblings = Files.newDirectoryStream(directory, tempPrefix + "*" + TEMP_SUFFIX)) {
      for (Path leftover : siblings) {
        Files.deleteIfExists(leftover);
      }
    }
  }

  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Some file systems cannot sync a directory; the rename itself is still atomic there.
    }
  }
}
