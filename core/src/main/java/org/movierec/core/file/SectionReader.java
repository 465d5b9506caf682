package org.movierec.core.file;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads what a {@link SectionWriter} wrote; any inconsistency becomes a {@link ModelFileException}
 * naming the file and section.
 */
public final class SectionReader {

  private final Path file;
  private final String section;
  private final ByteBuffer buffer;

  SectionReader(Path file, String section, byte[] content) {
    this.file = file;
    this.section = section;
    this.buffer = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Reads an int. */
  public int getInt() {
    require(4);
    return buffer.getInt();
  }

  /** Reads a float. */
  public float getFloat() {
    return Float.intBitsToFloat(getInt());
  }

  /** Reads a length-prefixed int array. */
  public int[] getInts() {
    int length = arrayLength();
    int[] values = new int[length];
    buffer.asIntBuffer().get(values);
    buffer.position(buffer.position() + 4 * length);
    return values;
  }

  /** Reads a length-prefixed float array. */
  public float[] getFloats() {
    int length = arrayLength();
    float[] values = new float[length];
    buffer.asFloatBuffer().get(values);
    buffer.position(buffer.position() + 4 * length);
    return values;
  }

  /** Reads a length-prefixed UTF-8 string. */
  public String getString() {
    int length = getInt();
    require(length);
    byte[] utf8 = new byte[length];
    buffer.get(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /**
   * Checks that the whole section was consumed.
   *
   * @throws ModelFileException when bytes are left over
   */
  public void expectEnd() {
    if (buffer.hasRemaining()) {
      throw corrupt(buffer.remaining() + " unexpected bytes at its end");
    }
  }

  /** An error about this section, for checks the caller makes on what it read. */
  public ModelFileException corrupt(String detail) {
    return new ModelFileException(
        file, ModelFileException.Problem.CORRUPT, "section '" + section + "': " + detail);
  }

  private int arrayLength() {
    int length = getInt();
    if (length < 0 || (long) length * 4 > buffer.remaining()) {
      throw corrupt("array of " + length + " values does not fit in " + buffer.remaining());
    }
    return length;
  }

  private void require(int bytes) {
    if (bytes < 0 || buffer.remaining() < bytes) {
      throw corrupt("needs " + bytes + " more bytes but only " + buffer.remaining() + " remain");
    }
  }
}
