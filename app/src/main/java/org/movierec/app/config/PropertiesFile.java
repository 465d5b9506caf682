package org.movierec.app.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.movierec.core.config.ConfigException;

/**
 * Reads a configuration file: UTF-8 text, one {@code key = value} per line, {@code #} or {@code !}
 * starting a comment line, as in Java properties files. Every entry keeps its line number so that
 * errors can point at it.
 */
public final class PropertiesFile {

  private PropertiesFile() {}

  /**
   * One {@code key = value} line.
   *
   * @param key the key as written, trimmed
   * @param value the value as written, trimmed
   * @param line the one-based line number
   */
  public record Entry(String key, String value, int line) {}

  /**
   * Reads all entries of a file, in file order.
   *
   * @throws ConfigException when the file is missing, a line is not {@code key = value}, or a key
   *     is set twice; the message names the file and line
   * @throws IOException when the file exists but cannot be read
   */
  public static List<Entry> read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          "config file " + file + " does not exist; check the path given to --config");
    }
    return parse(file.toString(), decode(file.toString(), bytes));
  }

  /**
   * The file's text as strict UTF-8: a byte that is not UTF-8 is named by line and byte offset, not
   * left to a bare MalformedInputException.
   */
  static String decode(String source, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      throw new ConfigException(
          source
              + ":"
              + lineAt(bytes, offset)
              + ": the byte at offset "
              + offset
              + " is not valid UTF-8; save the file as UTF-8");
    }
    return out.flip().toString();
  }

  /** The one-based line of a byte offset, counting line ends as {@link #parse} splits them. */
  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n'
          || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
        line++;
      }
    }
    return line;
  }

  /** Parses file content; {@code source} names it in error messages. */
  static List<Entry> parse(String source, String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      int number = i + 1;
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      int separator = line.indexOf('=');
      if (separator <= 0) {
        throw new ConfigException(
            source
                + ":"
                + number
                + ": expected 'key = value' but found '"
                + line
                + "'; comment lines start with #");
      }
      String key = line.substring(0, separator).strip();
      String value = line.substring(separator + 1).strip();
      Integer previous = firstLine.putIfAbsent(key, number);
      if (previous != null) {
        throw new ConfigException(
            source
                + ":"
                + number
                + ": "
                + key
                + " is set a second time (first on line "
                + previous
                + "); keep one of them");
      }
      entries.add(new Entry(key, value, number));
    }
    return List.copyOf(entries);
  }
}
