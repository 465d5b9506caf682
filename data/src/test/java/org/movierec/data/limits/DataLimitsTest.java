package org.movierec.data.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.data.RatingDataset;
import org.movierec.data.DataFormatException;
import org.movierec.data.LineProblem;
import org.movierec.data.movielens.DatasetReader;

/** The data module's defined behaviour at its limits, as its package documentation states it. */
class DataLimitsTest {

  private static final int RATINGS = 1_500_000;

  @TempDir Path dir;

  @Test
  void read_moreRatingsThanTheHeapHolds_refusedBeforeParsingWithTheMemoryNeeded() throws Exception {
    Path file = manyRatings();

    Result result = readInOtherJvm(file, "16m");

    assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
    assertThat(result.output())
        .contains(file.toString())
        .contains("holds 1,500,000 ratings, which need about 23 MiB of Java heap (16 bytes each)")
        .contains("maximum heap is available; give Java more heap, e.g. java -Xmx");
  }

  @Test
  void read_sameRatingsWithHeapToSpare_reads() throws Exception {
    Path file = manyRatings();

    Result result = readInOtherJvm(file, "256m");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("read " + RATINGS);
  }

  @Test
  void read_movieListedTwice_failsNamingBothLines() throws IOException {
    write("ratings.dat", "1::2::3::978300760\n");
    write("movies.dat", "2::Film (1999)::Drama\n3::Other (2000)::Comedy\n2::Again (2001)::War\n");

    assertThatThrownBy(() -> DatasetReader.read(dir))
        .isInstanceOfSatisfying(
            DataFormatException.class,
            e -> assertThat(e.problem()).isEqualTo(LineProblem.BAD_MOVIE_LINE))
        .hasMessageContaining("movies.dat line 3: movie id 2 is listed again (first on line 1)");
  }

  @Test
  void read_ratingsOfMoviesMissingFromTheMovieFile_keepsThemWithoutTitles() throws IOException {
    write(
        "ratings.csv", "userId,movieId,rating,timestamp\n1,2,4.0,964982703\n1,99,3.5,964982704\n");
    write("movies.csv", "movieId,title,genres\n2,Known (1995),Drama\n");

    RatingDataset ratings = DatasetReader.read(dir).dataset();

    assertThat(ratings.size()).isEqualTo(2);
    assertThat(ratings.rawMovieId(1)).isEqualTo(99);
    assertThat(ratings.catalog().find(99)).isEmpty();
    assertThat(ratings.catalog().find(2).orElseThrow().title()).isEqualTo("Known");
  }

  @Test
  void read_latin1TitleInMoviesCsv_decodesItAsLatin1() throws IOException {
    write("ratings.csv", "userId,movieId,rating,timestamp\n1,2,4.0,964982703\n");
    Files.write(
        dir.resolve("movies.csv"),
        "movieId,title,genres\n2,Caf\u00e9 (1995),Drama\n".getBytes(StandardCharsets.ISO_8859_1));

    RatingDataset ratings = DatasetReader.read(dir).dataset();

    assertThat(ratings.catalog().find(2).orElseThrow().title()).isEqualTo("Caf\u00e9");
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** A u.data of {@link #RATINGS} distinct pairs, about 25 MB. */
  private Path manyRatings() throws IOException {
    Path file = dir.resolve("u.data");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
      for (int i = 0; i < RATINGS; i++) {
        out.write((i / 100 + 1) + "\t" + (i % 100 + 1) + "\t" + (i % 5 + 1) + "\t881250949\n");
      }
    }
    return file;
  }

  private record Result(int exitCode, String output) {}

  private static Result readInOtherJvm(Path file, String heap)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx" + heap,
                    "-cp",
                    System.getProperty("java.class.path"),
                    ReadInHeap.class.getName(),
                    file.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the reading JVM did not finish: " + output);
    }
    return new Result(process.exitValue(), output);
  }
}
