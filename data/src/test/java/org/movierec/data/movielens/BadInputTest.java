package org.movierec.data.movielens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.BadLinePolicy;
import org.movierec.data.DataFormatException;
import org.movierec.data.Layout;
import org.movierec.data.LineProblem;
import org.movierec.data.ReadOptions;
import org.movierec.data.ReadResult;

class BadInputTest {

  private static final String HEADER = "userId,movieId,rating,timestamp\n";

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  /** Reads in fail-fast mode and checks the message names the file, the line and the text. */
  private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      Path file, long line, String text, LineProblem problem) {
    return assertThatThrownBy(() -> DatasetReader.read(file))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining(file.getFileName().toString())
        .hasMessageContaining(" line " + line + ":")
        .hasMessageContaining("\"" + text + "\"")
        .satisfies(e -> assertThat(((DataFormatException) e).problem()).isEqualTo(problem))
        .satisfies(e -> assertThat(((DataFormatException) e).line()).isEqualTo(line));
  }

  @Test
  void read_tooFewFields_namesFileAndLine() throws IOException {
    Path file = write("u.data", "1\t2\t3\t4\n5\t6\t7\n8\t9\t1\t2\n");

    assertRefused(file, 2, "5\t6\t7", LineProblem.WRONG_FIELD_COUNT)
        .hasMessageContaining("expected 4 fields separated by tab, found 3");
  }

  @Test
  void read_tooManyFields_namesFileAndLine() throws IOException {
    Path file = write("ratings.dat", "1::2::3::4\n1::3::3::4::9\n");

    assertRefused(file, 2, "1::3::3::4::9", LineProblem.WRONG_FIELD_COUNT);
  }

  @Test
  void read_nonNumericUserId_namesFileAndLine() throws IOException {
    Path file = write("ratings.csv", HEADER + "1,2,3.5,4\nabc,2,3.5,4\n");

    assertRefused(file, 3, "abc,2,3.5,4", LineProblem.BAD_ID)
        .hasMessageContaining("user id 'abc' is not a non-negative whole number");
  }

  @Test
  void read_negativeMovieId_namesFileAndLine() throws IOException {
    Path file = write("u.data", "1\t-2\t3\t4\n");

    assertRefused(file, 1, "1\t-2\t3\t4", LineProblem.BAD_ID).hasMessageContaining("movie id");
  }

  @Test
  void read_idBeyondIntRange_namesFileAndLine() throws IOException {
    Path file = write("u.data", "1\t2\t3\t4\n2147483648\t2\t3\t4\n");

    assertRefused(file, 2, "2147483648\t2\t3\t4", LineProblem.ID_OUT_OF_RANGE)
        .hasMessageContaining("larger than 2147483647");
  }

  @Test
  void read_hugeId_namesFileAndLine() throws IOException {
    Path file = write("u.data", "1\t99999999999999999999999\t3\t4\n");

    assertRefused(file, 1, "1\t99999999999999999999999\t3\t4", LineProblem.ID_OUT_OF_RANGE);
  }

  @Test
  void read_nanRating_namesFileAndLine() throws IOException {
    Path file = write("ratings.csv", HEADER + "1,2,NaN,4\n");

    assertRefused(file, 2, "1,2,NaN,4", LineProblem.NON_FINITE_RATING);
  }

  @Test
  void read_infiniteRating_namesFileAndLine() throws IOException {
    Path file = write("ratings.csv", HEADER + "1,2,3,4\n1,3,-Infinity,4\n");

    assertRefused(file, 3, "1,3,-Infinity,4", LineProblem.NON_FINITE_RATING);
  }

  @Test
  void read_overflowingRating_namesFileAndLine() throws IOException {
    Path file = write("ratings.csv", HEADER + "1,2,1e99,4\n");

    assertRefused(file, 2, "1,2,1e99,4", LineProblem.NON_FINITE_RATING);
  }

  @Test
  void read_textRating_namesFileAndLine() throws IOException {
    Path file = write("ratings.csv", HEADER + "1,2,good,4\n");

    assertRefused(file, 2, "1,2,good,4", LineProblem.BAD_RATING)
        .hasMessageContaining("rating 'good' is not a number");
  }

  @Test
  void read_ratingAboveScale_namesFileAndLine() throws IOException {
    Path file = write("u.data", "1\t2\t3\t4\n1\t3\t7\t4\n");

    assertRefused(file, 2, "1\t3\t7\t4", LineProblem.RATING_OFF_SCALE)
        .hasMessageContaining("rating 7 is outside the scale 1..5 step 1");
  }

  @Test
  void read_zeroRatingInCsv_namesFileAndLine() throws IOException {
    Path file = write("ratings.csv", HEADER + "1,2,0,4\n");

    assertRefused(file, 2, "1,2,0,4", LineProblem.RATING_OFF_SCALE);
  }

  @Test
  void read_halfStarInMl100k_isOffStep() throws IOException {
    Path file = write("u.data", "1\t2\t3.5\t4\n");

    assertRefused(file, 1, "1\t2\t3.5\t4", LineProblem.RATING_OFF_STEP)
        .hasMessageContaining("not on a step of the scale 1..5 step 1");
  }

  @Test
  void read_ratingBetweenHalfStars_isOffStep() throws IOException {
    Path file = write("ratings.csv", HEADER + "1,2,3.3,4\n");

    assertRefused(file, 2, "1,2,3.3,4", LineProblem.RATING_OFF_STEP);
  }

  @Test
  void read_negativeTimestamp_namesFileAndLine() throws IOException {
    Path file = write("ratings.dat", "1::2::3::-5\n");

    assertRefused(file, 1, "1::2::3::-5", LineProblem.TIMESTAMP_OUT_OF_RANGE)
        .hasMessageContaining("timestamp -5 is negative");
  }

  @Test
  void read_millisecondTimestamp_namesFileAndLine() throws IOException {
    Path file = write("ratings.dat", "1::2::3::978300760\n1::3::3::978300760000\n");

    assertRefused(file, 2, "1::3::3::978300760000", LineProblem.TIMESTAMP_OUT_OF_RANGE)
        .hasMessageContaining("milliseconds");
  }

  @Test
  void read_fractionalTimestamp_namesFileAndLine() throws IOException {
    Path file = write("ratings.dat", "1::2::3::97830.5\n");

    assertRefused(file, 1, "1::2::3::97830.5", LineProblem.BAD_TIMESTAMP);
  }

  @Test
  void read_emptyFile_namesFileAndLineOne() throws IOException {
    Path file = write("ratings.csv", "");

    assertRefused(file, 1, "", LineProblem.EMPTY_FILE).hasMessageContaining("the file is empty");
  }

  @Test
  void read_headerOnly_isEmpty() throws IOException {
    Path file = write("ratings.csv", HEADER + "\n\n");

    assertRefused(file, 3, "", LineProblem.EMPTY_FILE);
  }

  @Test
  void read_emptyFileInLenientMode_stillFails() throws IOException {
    Path file = write("u.data", "");

    assertThatThrownBy(() -> DatasetReader.read(file, skipping()))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("u.data line 1");
  }

  @Test
  void read_semicolonsInCsv_isWrongSeparator() throws IOException {
    Path file = write("ratings.csv", "1,2,3,4\n1;3;3;4\n");

    assertRefused(file, 2, "1;3;3;4", LineProblem.WRONG_SEPARATOR)
        .hasMessageContaining("expected fields separated by ','")
        .hasMessageContaining("found ';'");
  }

  @Test
  void read_semicolonHeader_isWrongSeparator() throws IOException {
    Path file = write("ratings.csv", "userId;movieId;rating;timestamp\n1;3;3;4\n");

    assertThatThrownBy(
            () -> DatasetReader.read(file, ReadOptions.builder().optLayout(Layout.CSV).build()))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("ratings.csv line 1")
        .hasMessageContaining("found ';'");
  }

  @Test
  void read_csvDeclaredAsMl100k_isWrongSeparator() throws IOException {
    Path file = write("data.txt", "1,2,3,4\n");

    assertThatThrownBy(
            () -> DatasetReader.read(file, ReadOptions.builder().optLayout(Layout.ML_100K).build()))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("data.txt line 1")
        .hasMessageContaining("expected fields separated by tab (ml-100k layout), found ','");
  }

  @Test
  void read_singleColonsInDat_isWrongSeparator() throws IOException {
    Path file = write("ratings.dat", "1::2::3::4\n1:2:3:4\n");

    assertThatThrownBy(
            () -> DatasetReader.read(file, ReadOptions.builder().optLayout(Layout.ML_1M).build()))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("ratings.dat line 2")
        .hasMessageContaining("found ':'");
  }

  @Test
  void read_unknownSeparatorInSingleFile_isUnknownLayout() throws IOException {
    Path file = write("data.txt", "\n1;2;3;4\n");

    assertRefused(file, 2, "1;2;3;4", LineProblem.UNKNOWN_LAYOUT);
  }

  @Test
  void read_badHeader_namesFileAndLine() throws IOException {
    Path file = write("ratings.csv", "user,movie,stars,time\n1,2,3,4\n");

    assertRefused(file, 1, "user,movie,stars,time", LineProblem.BAD_HEADER);
  }

  @Test
  void read_duplicatePair_namesBothLines() throws IOException {
    Path file = write("u.data", "1\t2\t3\t4\n1\t3\t3\t4\n2\t2\t3\t4\n1\t2\t5\t9\n");

    assertRefused(file, 4, "1\t2\t5\t9", LineProblem.DUPLICATE_PAIR)
        .hasMessageContaining("user 1 already rated movie 2 on line 1");
  }

  @Test
  void read_duplicatePairInGroupedFile_namesBothLines() throws IOException {
    Path file = write("ratings.csv", HEADER + "1,2,3,4\n1,3,3,4\n1,2,4,5\n2,2,3,4\n");

    assertRefused(file, 4, "1,2,4,5", LineProblem.DUPLICATE_PAIR).hasMessageContaining("on line 2");
  }

  @Test
  void read_truncatedLastLine_namesFileAndLine() throws IOException {
    Path file = write("u.data", "1\t2\t3\t881250949\n1\t3\t3");

    assertRefused(file, 2, "1\t3\t3", LineProblem.TRUNCATED_LAST_LINE)
        .hasMessageContaining("no line end");
  }

  @Test
  void read_bomCrlfMixedEndingsNoFinalNewlineTrailingBlanks_readsEveryRating() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String text =
        HEADER.replace("\n", "\r\n") + "1,2,3,4\r\n1,3,4,5\n2,2,5,6\r3,4,1,7\n\n \n\r\n4,4,2,8";
    Path file = dir.resolve("ratings.csv");
    Files.write(file, concat(bom, text.getBytes(StandardCharsets.UTF_8)));

    ReadResult result = DatasetReader.read(file);

    assertThat(result.dataset().size()).isEqualTo(5);
    assertThat(result.dataset().users().rawIds()).containsExactly(1, 2, 3, 4);
    assertThat(result.dataset().rawMovieId(4)).isEqualTo(4);
    assertThat(result.dataset().timestamp(4)).isEqualTo(8);
    assertThat(result.report().lines()).isEqualTo(9);
    assertThat(result.report().skippedLines()).isZero();
  }

  @Test
  void read_lineOfEmptyTabSeparatedFields_isBlankNotBad() throws IOException {
    Path file = write("u.data", "1\t1\t3\t0\r\n\t\t\n2\t1\t4\t0\n");

    ReadResult result = DatasetReader.read(file);

    assertThat(result.dataset().size()).isEqualTo(2);
    assertThat(result.report().lines()).isEqualTo(3);
    assertThat(result.report().skippedLines()).isZero();
  }

  @Test
  void read_bomCrlfInTabFile_linesCountedRight() throws IOException {
    Path file = dir.resolve("u.data");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Files.write(
        file, concat(bom, "1\t2\t3\t4\r\n\r\n1\t3\t9\t4\r\n".getBytes(StandardCharsets.UTF_8)));

    assertRefused(file, 3, "1\t3\t9\t4", LineProblem.RATING_OFF_SCALE);
  }

  @Test
  void read_lenientMode_skipsAndCountsByProblem() throws IOException {
    Path file =
        write(
            "ratings.csv",
            HEADER
                + "1,2,3,4\n"
                + "1,x,3,4\n"
                + "1,3,9,4\n"
                + "1,4,3\n"
                + "2,2,3.5,4\n"
                + "1,2,4,4\n"
                + "2,3,NaN,4\n"
                + "2,4,2,-1\n"
                + "3,3,2");

    ReadResult result = DatasetReader.read(file, skipping());

    assertThat(result.dataset().size()).isEqualTo(2);
    assertThat(result.report().skipped())
        .containsEntry(LineProblem.BAD_ID, 1L)
        .containsEntry(LineProblem.RATING_OFF_SCALE, 1L)
        .containsEntry(LineProblem.WRONG_FIELD_COUNT, 1L)
        .containsEntry(LineProblem.DUPLICATE_PAIR, 1L)
        .containsEntry(LineProblem.NON_FINITE_RATING, 1L)
        .containsEntry(LineProblem.TIMESTAMP_OUT_OF_RANGE, 1L)
        .containsEntry(LineProblem.TRUNCATED_LAST_LINE, 1L);
    assertThat(result.report().skippedLines()).isEqualTo(7);
    assertThat(result.report().examples())
        .extracting(example -> example.line())
        .containsExactlyInAnyOrder(3L, 4L, 5L, 7L, 8L, 9L, 10L);
    assertThat(result.report().skippedSummary()).contains("bad-id: 1", "duplicate-pair: 1");
  }

  @Test
  void read_lenientModeEverythingBad_failsAsEmpty() throws IOException {
    Path file = write("u.data", "a\tb\tc\td\n");

    assertThatThrownBy(() -> DatasetReader.read(file, skipping()))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("no rating is left after skipping 1 bad lines");
  }

  @Test
  void read_lenientParallel_countsMatchOneThread() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 120_000; i++) {
      text.append(i % 500).append('\t').append(i / 500).append('\t');
      text.append(i % 97 == 0 ? "x" : Integer.toString(1 + i % 5)).append("\t10\n");
    }
    Path file = write("u.data", text.toString());

    ReadResult one = DatasetReader.read(file, skipping().toBuilder().optParallelism(1).build());
    ReadResult two = DatasetReader.read(file, skipping().toBuilder().optParallelism(2).build());

    assertThat(Files.size(file)).isGreaterThan(RatingsFileParser.MIN_PARALLEL_BYTES);
    assertThat(two.report().skipped()).isEqualTo(one.report().skipped());
    assertThat(two.report().skippedLines()).isEqualTo(120_000 / 97 + 1);
    assertThat(two.dataset().userIndices()).isEqualTo(one.dataset().userIndices());
    assertThat(two.dataset().movies()).isEqualTo(one.dataset().movies());
  }

  @Test
  void read_badLineInSecondPart_namesFileWideLineNumber() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      text.append(i % 700).append('\t').append(i / 700).append("\t3\t10\n");
    }
    text.append("1\t2\t3\n");
    for (int i = 0; i < 100; i++) {
      text.append("9999\t").append(i).append("\t3\t10\n");
    }
    Path file = write("u.data", text.toString());

    assertRefused(file, 100_001, "1\t2\t3", LineProblem.WRONG_FIELD_COUNT);
  }

  @Test
  void read_badMovieLine_namesMovieFileAndLine() throws IOException {
    write("ratings.dat", "1::2::3::4\n");
    write("movies.dat", "2::Film (1999)::Drama\n3::Broken\n");

    assertThatThrownBy(() -> DatasetReader.read(dir))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("movies.dat line 2")
        .hasMessageContaining("3::Broken");
  }

  @Test
  void read_unclosedQuoteInMoviesCsv_namesMovieFile() throws IOException {
    write("ratings.csv", HEADER + "1,2,3,4\n");
    write("movies.csv", "movieId,title,genres\n2,\"Open quote (1999),Drama\n");

    assertThatThrownBy(() -> DatasetReader.read(dir))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("movies.csv line 2")
        .hasMessageContaining("unclosed quote");
  }

  @Test
  void read_repeatedMovieIdInItems_lenientSkipsAndCounts() throws IOException {
    write("u.data", "1\t2\t3\t4\n");
    write(
        "u.item",
        "2|A (1990)|||u|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|1\n"
            + "2|B (1991)|||u|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|1\n");

    ReadResult result = DatasetReader.read(dir, skipping());

    assertThat(result.dataset().catalog().find(2).orElseThrow().title()).isEqualTo("A");
    assertThat(result.dataset().catalog().find(2).orElseThrow().genres())
        .containsExactly("Western");
    assertThat(result.report().skipped()).containsEntry(LineProblem.BAD_MOVIE_LINE, 1L);
    assertThat(result.report().examples().get(0).detail()).contains("first on line 1");
  }

  private static ReadOptions skipping() {
    return ReadOptions.builder().optOnBadLine(BadLinePolicy.SKIP).build();
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
