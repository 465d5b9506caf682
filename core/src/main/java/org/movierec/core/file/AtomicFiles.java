package org.movierec.core.file;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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

  /** Writes a file's content to a stream, for {@link #write(Path, ContentWriter)}. */
  @FunctionalInterface
  public interface ContentWriter {
    /** Writes the whole content; the stream is buffered, and closed by the caller. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Replaces {@code target} with {@code content} atomically. */
  public static void write(Path target, byte[] content) throws IOException {
    write(target, out -> out.write(content));
  }

  /**
   * Replaces {@code target} atomically with what {@code content} writes, streamed to the temporary
   * file, for content too large to hold in memory. If the writer throws, the target is untouched
   * and the temporary file is deleted.
   */
  public static void write(Path target, ContentWriter content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    Files.createDirectories(directory);
    String tempPrefix = "." + absolute.getFileName() + ".";
    removeLeftovers(directory, tempPrefix);
    Path temp = Files.createTempFile(directory, tempPrefix, TEMP_SUFFIX);
    keepPermissions(absolute, temp);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream out =
            new BufferedOutputStream(
                new ChannelStream(channel, Long.getLong(HALT_AFTER_BYTES, -1)), CHUNK);
        content.writeTo(out);
        out.flush();
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
   * Writes to the temporary file's channel; under the crash-test property it writes only up to the
   * given byte count, forces it to disk and halts the JVM, as a power cut would.
   */
  private static final class ChannelStream extends OutputStream {
    private final FileChannel channel;
    private final long haltAfter;
    private long written;

    ChannelStream(FileChannel channel, long haltAfter) {
      this.channel = channel;
      this.haltAfter = haltAfter;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      if (haltAfter >= 0 && written + length > haltAfter) {
        int partial = (int) Math.max(0, haltAfter - written);
        drain(ByteBuffer.wrap(bytes, offset, partial));
        channel.force(true);
        Runtime.getRuntime().halt(86);
      }
      drain(ByteBuffer.wrap(bytes, offset, length));
      written += length;
    }

    private void drain(ByteBuffer buffer) throws IOException {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
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
