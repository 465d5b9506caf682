package org.movierec.core.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

  @TempDir Path dir;

  private byte[] sample() {
    return ModelFile.writer("test")
        .text("info", "{\"hello\":\"world\"}")
        .section("numbers", new SectionWriter().putInts(new int[] {1, 2, 3}).putFloat(2.5f))
        .toByteArray();
  }

  @Test
  void read_writtenFile_returnsSections() throws IOException {
    Path file = dir.resolve("m.mrec");
    Files.write(file, sample());

    ModelFile read = ModelFile.read(file);

    assertThat(read.backend()).isEqualTo("test");
    assertThat(read.version()).isEqualTo(ModelFile.FORMAT_VERSION);
    assertThat(read.text("info")).isEqualTo("{\"hello\":\"world\"}");
    SectionReader numbers = read.reader("numbers");
    assertThat(numbers.getInts()).containsExactly(1, 2, 3);
    assertThat(numbers.getFloat()).isEqualTo(2.5f);
    numbers.expectEnd();
  }

  @Test
  void parse_everyTruncation_failsAsTruncatedOrCorrupt() {
    byte[] bytes = sample();
    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> ModelFile.parse(Path.of("cut.mrec"), cut))
          .as("truncated to %d bytes", length)
          .isInstanceOfSatisfying(
              ModelFileException.class,
              e ->
                  assertThat(e.problem())
                      .isIn(
                          ModelFileException.Problem.TRUNCATED, ModelFileException.Problem.CORRUPT))
          .hasMessageContaining("cut.mrec");
    }
  }

  @Test
  void parse_everySingleByteFlip_isDetected() {
    byte[] bytes = sample();
    for (int position = 0; position < bytes.length; position++) {
      byte[] flipped = bytes.clone();
      flipped[position] ^= 0x40;
      assertThatThrownBy(() -> ModelFile.parse(Path.of("flip.mrec"), flipped))
          .as("byte %d flipped", position)
          .isInstanceOf(ModelFileException.class)
          .hasMessageContaining("flip.mrec");
    }
  }

  @Test
  void parse_foreignFile_saysNotAModelFile() {
    byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    assertThatThrownBy(() -> ModelFile.parse(Path.of("x.zip"), zip))
        .isInstanceOfSatisfying(
            ModelFileException.class,
            e -> assertThat(e.problem()).isEqualTo(ModelFileException.Problem.FOREIGN))
        .hasMessageContaining("not a movierec model file");
  }

  @Test
  void parse_newerVersion_asksToUpgrade() {
    byte[] bytes = sample();
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(8, ModelFile.FORMAT_VERSION + 1);
    resealChecksum(bytes);

    assertThatThrownBy(() -> ModelFile.parse(Path.of("new.mrec"), bytes))
        .isInstanceOfSatisfying(
            ModelFileException.class,
            e -> assertThat(e.problem()).isEqualTo(ModelFileException.Problem.TOO_NEW))
        .hasMessageContaining(
            "it has format version 2, but this movierec reads format version 1 only; load it with a"
                + " movierec that reads version 2");
  }

  @Test
  void parse_olderVersion_namesTheVersionsThisBuildReads() {
    byte[] bytes = sample();
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0);
    resealChecksum(bytes);

    assertThatThrownBy(() -> ModelFile.parse(Path.of("old.mrec"), bytes))
        .isInstanceOfSatisfying(
            ModelFileException.class,
            e -> assertThat(e.problem()).isEqualTo(ModelFileException.Problem.TOO_OLD))
        .hasMessage(
            "model file old.mrec is too old for this movierec: it has format version 0, but this"
                + " movierec reads format version 1 only; load it with the movierec that wrote it,"
                + " or retrain the model with this one");
  }

  @Test
  void requireBackend_anotherBackendsFile_isIncompatibleNamingBoth() throws IOException {
    Path file = dir.resolve("m.mrec");
    Files.write(file, sample());
    ModelFile read = ModelFile.read(file);

    read.requireBackend("test");
    assertThatThrownBy(() -> read.requireBackend("ease"))
        .isInstanceOfSatisfying(
            ModelFileException.class,
            e -> assertThat(e.problem()).isEqualTo(ModelFileException.Problem.INCOMPATIBLE))
        .hasMessageContaining("written by backend 'test', not 'ease'");
  }

  @Test
  void section_missing_namesSectionAndBackend() throws IOException {
    Path file = dir.resolve("m.mrec");
    Files.write(file, sample());

    assertThatThrownBy(() -> ModelFile.read(file).section("params"))
        .hasMessageContaining("'params'")
        .hasMessageContaining("backend 'test'");
  }

  @Test
  void writeTo_existingFile_replacesItAndLeavesNoTempFile() throws IOException {
    Path file = dir.resolve("m.mrec");
    Files.writeString(file, "old content");

    ModelFile.writer("test").text("info", "new").writeTo(file);

    assertThat(ModelFile.read(file).text("info")).isEqualTo("new");
    try (var listing = Files.list(dir)) {
      assertThat(listing).containsExactly(file);
    }
  }

  private static void resealChecksum(byte[] bytes) {
    int checked = bytes.length - ModelFile.END.length - 8;
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, checked);
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(checked, crc.getValue());
  }

  @Test
  void writeTo_newFile_isReadableByOthersAndKeepsExistingPermissions() throws IOException {
    Path fresh = dir.resolve("fresh.mrec");
    ModelFile.writer("test").text("info", "a").writeTo(fresh);
    Path strict = dir.resolve("strict.mrec");
    Files.writeString(strict, "old");
    Files.setPosixFilePermissions(
        strict, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

    ModelFile.writer("test").text("info", "b").writeTo(strict);

    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(fresh)))
        .isEqualTo("rw-r--r--");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(strict)))
        .isEqualTo("rw-------");
  }
}
