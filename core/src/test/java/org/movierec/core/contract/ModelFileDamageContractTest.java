package org.movierec.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileException;
import org.movierec.core.file.ModelFileException.Problem;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.spi.RuntimeOptions;

/**
 * Damaged model files of one backend, loaded the way the CLI loads them: every truncation point,
 * every value of every header byte, one flipped bit in every byte, files of other formats and files
 * of other format versions each fail with a {@link ModelFileException} whose message starts with
 * the file, and never with another exception. A backend runs it by extending this class with its
 * provider and a small trained model (a few kilobytes keep the per-byte loops quick).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModelFileDamageContractTest {

  /** A 1x1 PNG image. */
  private static final byte[] PNG =
      Base64.getDecoder()
          .decode(
              "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

  private byte[] saved;
  private RuntimeOptions options;
  private Path file;

  /** The backend under test. */
  protected abstract BackendProvider provider();

  /** A small model trained by the backend; the caller closes it. */
  protected abstract Model trainSmallModel();

  /** The options models are loaded with. */
  protected abstract RuntimeOptions runtimeOptions();

  @BeforeAll
  void saveOnce(@TempDir Path dir) throws IOException {
    file = dir.resolve("damaged.mrec");
    try (Model model = trainSmallModel()) {
      model.save(file);
    }
    saved = Files.readAllBytes(file);
    options = runtimeOptions();
  }

  @Test
  void load_savedFile_loads() throws IOException {
    Files.write(file, saved);
    try (Model model = registry().load(file, options)) {
      assertThat(model.info().backend()).isEqualTo(provider().name());
    }
  }

  @Test
  void load_everyTruncation_isTruncatedNamingFile() throws IOException {
    for (int length = 0; length < saved.length; length++) {
      expectRefused(
          Arrays.copyOf(saved, length),
          "cut to " + length + " bytes",
          EnumSet.of(Problem.TRUNCATED));
    }
  }

  @Test
  void load_everyValueOfEveryHeaderByte_isRefusedNamingFile() throws IOException {
    for (int offset = 0; offset < headerLength(); offset++) {
      for (int delta = 1; delta < 256; delta++) {
        byte[] damaged = saved.clone();
        damaged[offset] = (byte) (damaged[offset] + delta);
        expectRefused(
            damaged,
            "header byte " + offset + " changed by " + delta,
            offset < 8 ? EnumSet.of(Problem.FOREIGN) : EnumSet.of(Problem.CORRUPT));
      }
    }
  }

  @Test
  void load_oneBitFlippedInAnyByte_isRefusedNamingFile() throws IOException {
    for (int offset = 0; offset < saved.length; offset++) {
      for (int bit : new int[] {0, 7}) {
        byte[] damaged = saved.clone();
        damaged[offset] ^= (byte) (1 << bit);
        expectRefused(
            damaged,
            "bit " + bit + " of byte " + offset + " flipped",
            EnumSet.of(Problem.FOREIGN, Problem.CORRUPT, Problem.TRUNCATED));
      }
    }
  }

  @Test
  void load_filesOfOtherFormats_areRefusedNamingFile() throws IOException {
    expectRefused(new byte[0], "an empty file", EnumSet.of(Problem.TRUNCATED));
    expectRefused(PNG, "a PNG image", EnumSet.of(Problem.FOREIGN));
    expectRefused(zip(), "a zip archive", EnumSet.of(Problem.FOREIGN));
    expectRefused(
        "1\t242\t3\t881250949\n".getBytes(StandardCharsets.UTF_8),
        "a ratings file",
        EnumSet.of(Problem.FOREIGN));
    expectRefused(
        "{\"backend\": \"djl\"}".getBytes(StandardCharsets.UTF_8),
        "a JSON file",
        EnumSet.of(Problem.FOREIGN));
    expectRefused(
        "MOVIEREC".getBytes(StandardCharsets.US_ASCII),
        "the signature alone",
        EnumSet.of(Problem.TRUNCATED));
  }

  @Test
  void load_olderFormatVersion_namesTheVersionsThisBuildReads() throws IOException {
    ModelFileException e =
        expectRefused(
            withVersion(ModelFile.OLDEST_READABLE_VERSION - 1),
            "an older format version",
            EnumSet.of(Problem.TOO_OLD));
    assertThat(e)
        .hasMessageContaining("format version " + (ModelFile.OLDEST_READABLE_VERSION - 1))
        .hasMessageContaining("this movierec reads " + readable());
  }

  @Test
  void load_newerFormatVersion_namesTheVersionNeeded() throws IOException {
    int newer = ModelFile.FORMAT_VERSION + 1;
    ModelFileException e =
        expectRefused(withVersion(newer), "a newer format version", EnumSet.of(Problem.TOO_NEW));
    assertThat(e)
        .hasMessageContaining("this movierec reads " + readable())
        .hasMessageContaining("a movierec that reads version " + newer);
  }

  private BackendRegistry registry() {
    return new BackendRegistry(List.of(provider()));
  }

  /** Writes {@code content} and checks that loading it fails as expected, naming the file. */
  private ModelFileException expectRefused(byte[] content, String what, Set<Problem> problems)
      throws IOException {
    // A new file each time: rewriting one in place makes some file systems flush it on close.
    Files.deleteIfExists(file);
    Files.write(file, content);
    try (Model model = registry().load(file, options)) {
      throw new AssertionError(what + " loaded as a " + model.info().backend() + " model");
    } catch (ModelFileException e) {
      if (!e.getMessage().startsWith("model file " + file + " ") || !e.file().equals(file)) {
        throw new AssertionError(what + ": the message does not start with the file", e);
      }
      if (!problems.contains(e.problem())) {
        throw new AssertionError(what + ": expected one of " + problems, e);
      }
      return e;
    } catch (RuntimeException | IOException e) {
      throw new AssertionError(what + " failed with " + e + " instead of a ModelFileException", e);
    }
  }

  /** Magic, version, backend name and section count. */
  private int headerLength() {
    int backendLength = ByteBuffer.wrap(saved).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
    return 8 + 4 + 4 + backendLength + 4;
  }

  /** The saved file with another version number and a checksum that matches again. */
  private byte[] withVersion(int version) {
    byte[] bytes = saved.clone();
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(8, version);
    int checked = bytes.length - 8 - 8;
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, checked);
    buffer.putLong(checked, crc.getValue());
    return bytes;
  }

  private static String readable() {
    return ModelFile.OLDEST_READABLE_VERSION == ModelFile.FORMAT_VERSION
        ? "format version " + ModelFile.FORMAT_VERSION + " only"
        : "format versions "
            + ModelFile.OLDEST_READABLE_VERSION
            + " to "
            + ModelFile.FORMAT_VERSION;
  }

  private static byte[] zip() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("model.mrec"));
      zip.write("MOVIEREC".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
