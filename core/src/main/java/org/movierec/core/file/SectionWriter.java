package org.movierec.core.file;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds a binary section of a model file from primitive values and arrays, little-endian. */
public final class SectionWriter {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Appends an int. */
  public SectionWriter putInt(int value) {
    out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
    return this;
  }

  /** Appends a float. */
  public SectionWriter putFloat(float value) {
    return putInt(Float.floatToRawIntBits(value));
  }

  /** Appends a length-prefixed int array. */
  public SectionWriter putInts(int[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(values.length).asIntBuffer().put(values);
    out.writeBytes(buffer.array());
    return this;
  }

  /** Appends a length-prefixed float array. */
  public SectionWriter putFloats(float[] values) {
    ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(values.length).asFloatBuffer().put(values);
    out.writeBytes(buffer.array());
    return this;
  }

  /** Appends a length-prefixed UTF-8 string. */
  public SectionWriter putString(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    putInt(utf8.length);
    out.writeBytes(utf8);
    return this;
  }

  /** The section's bytes. */
  public byte[] toByteArray() {
    return out.toByteArray();
  }
}
