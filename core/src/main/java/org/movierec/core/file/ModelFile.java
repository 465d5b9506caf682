package org.movierec.core.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The one-file container every backend stores its models in: a magic number, a format version, the
 * backend name, named sections of bytes, a CRC32C checksum of everything before it and an end
 * marker. Any damage is reported as a {@link ModelFileException} saying whether the file is
 * truncated, corrupt, foreign, too old or too new; the version messages say which versions this
 * build reads.
 *
 * <p>Layout, little-endian: {@code "MOVIEREC"}, int32 version, string backend, int32 section count,
 * then per section a string name, int64 length and the bytes; then int64 CRC32C and {@code
 * "CERIVOM!"}. Strings are int32 length plus UTF-8. Later versions keep this envelope.
 */
public final class ModelFile {

  /** The format version this build writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  /**
   * The oldest format version this build reads; files from {@code OLDEST_READABLE_VERSION} to
   * {@link #FORMAT_VERSION} load.
   */
  public static final int OLDEST_READABLE_VERSION = 1;

  static final byte[] MAGIC = "MOVIEREC".getBytes(StandardCharsets.US_ASCII);
  static final byte[] END = "CERIVOM!".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_STRING = 1 << 16;

  private final Path path;
  private final int version;
  private final String backend;
  private final Map<String, byte[]> sections;

  private ModelFile(Path path, int version, String backend, Map<String, byte[]> sections) {
    this.path = path;
    this.version = version;
    this.backend = backend;
    this.sections = sections;
  }

  /** A writer for a model of the given backend. */
  public static ModelFileWriter writer(String backend) {
    return new ModelFileWriter(backend);
  }

  /**
   * Reads and verifies a whole model file.
   *
   * @throws ModelFileException when the file is truncated, corrupt, foreign or too new
   * @throws IOException when the file cannot be read at all
   */
  public static ModelFile read(Path path) throws IOException {
    return parse(path, bytesOf(path));
  }

  /**
   * The bytes of a model file, unverified, for a caller that fingerprints them before {@link
   * #parse}.
   *
   * @throws ModelFileException when the file is larger than any model file
   * @throws NoSuchFileException when there is no file, with a reason saying to train one
   * @throws IOException when the file cannot be read
   */
  public static byte[] bytesOf(Path path) throws IOException {
    try {
      if (Files.size(path) > Integer.MAX_VALUE - 64) {
        throw new ModelFileException(
            path, ModelFileException.Problem.FOREIGN, "larger than 2 GiB, which no model is");
      }
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(path.toString(), null, "no model file here; train one first");
    }
  }

  /**
   * Verifies and reads a model file's bytes that the caller already holds, e.g. as shipped to a
   * remote worker or fingerprinted before loading; {@code path} names where they came from in
   * messages.
   *
   * @throws ModelFileException when the bytes are truncated, corrupt, foreign or too new
   */
  public static ModelFile parse(Path path, byte[] bytes) {
    int magicLength = Math.min(bytes.length, MAGIC.length);
    for (int i = 0; i < magicLength; i++) {
      if (bytes[i] != MAGIC[i]) {
        throw new ModelFileException(
            path,
            ModelFileException.Problem.FOREIGN,
            "it does not start with the movierec signature; pass a file written by 'movierec"
                + " train'");
      }
    }
    int minimum = MAGIC.length + 4 + 4 + 4 + 8 + END.length;
    if (bytes.length < minimum) {
      throw new ModelFileException(
          path,
          ModelFileException.Problem.TRUNCATED,
          "only " + bytes.length + " bytes; retrain or copy the file again");
    }
    for (int i = 0; i < END.length; i++) {
      if (bytes[bytes.length - END.length + i] != END[i]) {
        throw new ModelFileException(
            path,
            ModelFileException.Problem.TRUNCATED,
            "the end marker is missing after "
                + bytes.length
                + " bytes; the save or copy was cut short: retrain or copy the file again");
      }
    }
    int checked = bytes.length - END.length - 8;
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long stored = buffer.getLong(checked);
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, checked);
    if (crc.getValue() != stored) {
      throw new ModelFileException(
          path,
          ModelFileException.Problem.CORRUPT,
          "its checksum does not match its content; the file was damaged after it was saved");
    }
    buffer.position(MAGIC.length);
    buffer.limit(checked);
    int version = buffer.getInt();
    if (version > FORMAT_VERSION) {
      throw new ModelFileException(
          path,
          ModelFileException.Problem.TOO_NEW,
          "it has format version "
              + version
              + ", but this movierec reads "
              + readableVersions()
              + "; load it with a movierec that reads version "
              + version
              + ", or retrain the model with this one");
    }
    if (version < OLDEST_READABLE_VERSION) {
      throw new ModelFileException(
          path,
          ModelFileException.Problem.TOO_OLD,
          "it has format version "
              + version
              + ", but this movierec reads "
              + readableVersions()
              + "; load it with the movierec that wrote it, or retrain the model with this one");
    }
    try {
      String backend = readString(buffer);
      int count = buffer.getInt();
      if (count < 0 || count > 1024) {
        throw new ModelFileException(
            path, ModelFileException.Problem.CORRUPT, "section count " + count + " is invalid");
      }
      Map<String, byte[]> sections = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String name = readString(buffer);
        long length = buffer.getLong();
        if (length < 0 || length > buffer.remaining()) {
          throw new ModelFileException(
              path,
              ModelFileException.Problem.CORRUPT,
              "section '" + name + "' claims " + length + " bytes but fewer remain");
        }
        byte[] content = new byte[(int) length];
        buffer.get(content);
        sections.put(name, content);
      }
      if (buffer.hasRemaining()) {
        throw new ModelFileException(
            path,
            ModelFileException.Problem.CORRUPT,
            buffer.remaining() + " unexplained bytes after the last section");
      }
      return new ModelFile(path, version, backend, Collections.unmodifiableMap(sections));
    } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
      throw new ModelFileException(
          path, ModelFileException.Problem.CORRUPT, "its structure is broken (" + e + ")");
    }
  }

  /** The versions this build reads, for messages: {@code format version 1} or {@code 1 to 3}. */
  static String readableVersions() {
    return OLDEST_READABLE_VERSION == FORMAT_VERSION
        ? "format version " + FORMAT_VERSION + " only"
        : "format versions " + OLDEST_READABLE_VERSION + " to " + FORMAT_VERSION;
  }

  private static String readString(ByteBuffer buffer) {
    int length = buffer.getInt();
    if (length < 0 || length > MAX_STRING || length > buffer.remaining()) {
      throw new IllegalArgumentException("string length " + length);
    }
    byte[] utf8 = new byte[length];
    buffer.get(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /** The file this was read from. */
  public Path path() {
    return path;
  }

  /** The format version of the file. */
  public int version() {
    return version;
  }

  /** The name of the backend that wrote the file. */
  public String backend() {
    return backend;
  }

  /**
   * Checks that the backend named {@code expected} wrote the file, as a provider does before it
   * reads its own sections.
   *
   * @throws ModelFileException naming both backends when another one wrote it
   */
  public void requireBackend(String expected) {
    if (!expected.equals(backend)) {
      throw new ModelFileException(
          path,
          ModelFileException.Problem.INCOMPATIBLE,
          "it was written by backend '" + backend + "', not '" + expected + "'");
    }
  }

  /** The names of all sections, in file order. */
  public java.util.Set<String> sectionNames() {
    return sections.keySet();
  }

  /**
   * The bytes of a section.
   *
   * @throws ModelFileException when the section is missing
   */
  public byte[] section(String name) {
    byte[] content = sections.get(name);
    if (content == null) {
      throw new ModelFileException(
          path,
          ModelFileException.Problem.INCOMPATIBLE,
          "it has no '" + name + "' section; it was written by backend '" + backend + "'");
    }
    return content;
  }

  /** A section read as UTF-8 text. */
  public String text(String name) {
    return new String(section(name), StandardCharsets.UTF_8);
  }

  /** Tells whether a section is present. */
  public boolean has(String name) {
    return sections.containsKey(name);
  }

  /**
   * A reader over a binary section, whose errors name this file.
   *
   * @throws ModelFileException when the section is missing
   */
  public SectionReader reader(String name) {
    return new SectionReader(path, name, section(name));
  }
}
