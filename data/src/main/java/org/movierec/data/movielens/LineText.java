package org.movierec.data.movielens;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Turns bytes of a bad line into text short enough for an error message. */
final class LineText {

  static final int MAX_CHARS = 160;

  private LineText() {}

  /** The bytes {@code [start, end)} decoded as UTF-8 and shortened to {@link #MAX_CHARS}. */
  static String of(ByteBuffer bytes, int start, int end) {
    int length = Math.min(end - start, MAX_CHARS * 4);
    byte[] copy = new byte[length];
    bytes.get(start, copy, 0, length);
    return shorten(new String(copy, StandardCharsets.UTF_8));
  }

  /** The text shortened to {@link #MAX_CHARS} with an ellipsis when cut. */
  static String shorten(String text) {
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "...";
  }
}
