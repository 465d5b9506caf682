package org.movierec.data.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.ReadResult;

class EmbeddedSampleTest {

  @TempDir Path cache;

  @Test
  void path_firstUse_generatesMl100kLayoutOnce() throws IOException {
    Path sample = EmbeddedSample.path(cache);
    FileTime written = Files.getLastModifiedTime(sample.resolve("u.data"));

    Path again = EmbeddedSample.path(cache);

    assertThat(again).isEqualTo(sample);
    assertThat(sample.getFileName().toString()).isEqualTo(EmbeddedSample.DIRECTORY_NAME);
    assertThat(Files.getLastModifiedTime(again.resolve("u.data"))).isEqualTo(written);
    try (Stream<Path> leftovers = Files.list(cache)) {
      assertThat(leftovers).containsExactly(sample);
    }
  }

  @Test
  void load_twoCaches_sameSample() throws IOException {
    ReadResult first = EmbeddedSample.load(cache.resolve("one"));
    EmbeddedSample.path(cache.resolve("two"));

    assertThat(first.dataset().size()).isEqualTo(100_000);
    assertThat(first.dataset().users().size()).isEqualTo(1_000);
    assertThat(first.dataset().catalog().size()).isEqualTo(1_700);
    assertThat(
            Files.readAllBytes(
                cache.resolve("two").resolve(EmbeddedSample.DIRECTORY_NAME + "/u.data")))
        .isEqualTo(
            Files.readAllBytes(
                cache.resolve("one").resolve(EmbeddedSample.DIRECTORY_NAME + "/u.data")));
  }
}
