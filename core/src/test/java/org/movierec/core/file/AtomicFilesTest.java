package org.movierec.core.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @Test
  void write_streamedContentLargerThanTheBuffer_replacesTheTarget(@TempDir Path dir)
      throws IOException {
    Path target = dir.resolve("lists.csv");
    Files.writeString(target, "old");
    StringBuilder expected = new StringBuilder();
    for (int line = 0; line < 200_000; line++) {
      expected.append(line).append(",movie\n");
    }

    AtomicFiles.write(
        target, out -> out.write(expected.toString().getBytes(StandardCharsets.US_ASCII)));

    assertThat(Files.readString(target)).isEqualTo(expected.toString());
    assertThat(siblings(dir)).containsExactly(target);
  }

  @Test
  void write_writerFailsHalfway_leavesTheTargetAndNoTempFile(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("lists.csv");
    Files.writeString(target, "old");

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write(new byte[3 << 20]);
                      throw new IOException("scoring failed");
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("scoring failed");

    assertThat(Files.readString(target)).isEqualTo("old");
    assertThat(siblings(dir)).containsExactly(target);
  }

  private static Object[] siblings(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toArray();
    }
  }
}
