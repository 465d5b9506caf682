package org.movierec.core.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/** Collects the sections of a model and writes them as one {@link ModelFile}, atomically. */
public final class ModelFileWriter {

  private final String backend;
  private final Map<String, byte[]> sections = new LinkedHashMap<>();

  ModelFileWriter(String backend) {
    this.backend = backend;
  }

  /** Adds a section of raw bytes. */
  public ModelFileWriter section(String name, byte[] content) {
    if (sections.putIfAbsent(name, content.clone()) != null) {
      throw new IllegalArgumentException("section '" + name + "' added twice");
    }
    return this;
  }

  /** Adds a section of UTF-8 text. */
  public ModelFileWriter text(String name, String content) {
    return section(name, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Adds a binary section built with a {@link SectionWriter}. */
  public ModelFileWriter section(String name, SectionWriter content) {
    return section(name, content.toByteArray());
  }

  /** The complete file content. */
  public byte[] toByteArray() {
    byte[] backendUtf8 = backend.getBytes(StandardCharsets.UTF_8);
    long size = ModelFile.MAGIC.length + 4 + 4 + backendUtf8.length + 4;
    for (Map.Entry<String, byte[]> entry : sections.entrySet()) {
      size += 4 + entry.getKey().getBytes(StandardCharsets.UTF_8).length + 8;
      size += entry.getValue().length;
    }
    size += 8 + ModelFile.END.length;
    if (size > Integer.MAX_VALUE - 64) {
      throw new IllegalStateException("model of " + size + " bytes exceeds the 2 GiB file limit");
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    buffer.put(ModelFile.MAGIC).putInt(ModelFile.FORMAT_VERSION);
    buffer.putInt(backendUtf8.length).put(backendUtf8);
    buffer.putInt(sections.size());
    for (Map.Entry<String, byte[]> entry : sections.entrySet()) {
      byte[] name = entry.getKey().getBytes(StandardCharsets.UTF_8);
      buffer.putInt(name.length).put(name).putLong(entry.getValue().length).put(entry.getValue());
    }
    CRC32C crc = new CRC32C();
    crc.update(buffer.array(), 0, buffer.position());
    buffer.putLong(crc.getValue()).put(ModelFile.END);
    return buffer.array();
  }

  /**
   * Writes the file so that a crash at any point leaves either the previous file or the new one,
   * never a mix: temp file, fsync, atomic rename.
   */
  public void writeTo(Path file) throws IOException {
    AtomicFiles.write(file, toByteArray());
  }
}
