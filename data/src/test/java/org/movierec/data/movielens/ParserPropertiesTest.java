package org.movierec.data.movielens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.data.BadLinePolicy;
import org.movierec.data.DataFormatException;
import org.movierec.data.Layout;
import org.movierec.data.ReadOptions;
import org.movierec.data.ReadResult;

/** The byte-level parser against a plain String-based reading of the same rules. */
class ParserPropertiesTest {

  private static final List<String> IDS =
      List.of(
          "1",
          "7",
          "42",
          "007",
          "123456789",
          "2147483647",
          "2147483648",
          "99999999999",
          "-1",
          "",
          "a",
          "1 ");
  private static final List<String> RATINGS =
      List.of(
          "3", "4.5", "3.", ".5", "0.5", "5.0", "0", "5.5", "3.3", "NaN", "1e0", "2.50", "x", "");
  private static final List<String> TIMES =
      List.of("0", "881250949", "4102444800", "4102444801", "-5", "1.5", "99999999999", "", "7");

  @Provide
  Arbitrary<List<String[]>> lines() {
    Arbitrary<String[]> line =
        Combinators.combine(
                Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(
                        4, Arbitraries.integers().between(1, 30).map(String::valueOf)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.of(IDS))),
                Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(
                        4, Arbitraries.integers().between(1, 30).map(String::valueOf)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.of(IDS))),
                Arbitraries.of(RATINGS),
                Arbitraries.of(TIMES),
                Arbitraries.integers().between(0, 9))
            .as(
                (user, movie, rating, time, shape) ->
                    new String[] {user, movie, rating, time, String.valueOf(shape)});
    return line.list().ofMinSize(1).ofMaxSize(60);
  }

  /**
   * The parser keeps the ratings a plain reading of the same rules keeps and skips as many bad
   * lines. A line of nothing but tabs and spaces (empty fields joined by the ml-100k tab) is blank:
   * neither a rating nor a bad line, though counted among the file's lines.
   */
  @Property(tries = 300)
  void lenientRead_matchesReference(@ForAll("lines") List<String[]> lines, @ForAll Layout layout)
      throws IOException {
    String separator = layout.separator();
    StringBuilder text = new StringBuilder();
    if (layout == Layout.CSV) {
      text.append(RatingsWriter.CSV_HEADER).append('\n');
    }
    List<String> expected = new ArrayList<>();
    Set<String> pairs = new HashSet<>();
    RatingScale scale = layout == Layout.ML_100K ? RatingScale.WHOLE_STARS : RatingScale.HALF_STARS;
    long bad = 0;
    for (String[] fields : lines) {
      int shape = Integer.parseInt(fields[4]);
      String line =
          switch (shape) {
            case 0 -> String.join(separator, fields[0], fields[1], fields[2]);
            case 1 -> String.join(separator, fields[0], fields[1], fields[2], fields[3], "9");
            case 2 -> String.join(";", fields[0], fields[1], fields[2], fields[3]);
            default -> String.join(separator, fields[0], fields[1], fields[2], fields[3]);
          };
      text.append(line).append(shape == 3 ? "\r\n" : "\n");
      if (line.chars().allMatch(c -> c == ' ' || c == '\t')) {
        continue;
      }
      String row = shape >= 3 ? reference(fields, scale) : null;
      if (row == null || !pairs.add(row.substring(0, row.indexOf(' ', row.indexOf(' ') + 1)))) {
        bad++;
      } else {
        expected.add(row);
      }
    }
    Path file = Files.createTempFile("movierec-parse", ".txt");
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
      ReadOptions options =
          ReadOptions.builder()
              .optLayout(layout)
              .optScale(scale)
              .optOnBadLine(BadLinePolicy.SKIP)
              .optReadCatalog(false)
              .build();
      if (expected.isEmpty()) {
        try {
          DatasetReader.read(file, options);
          throw new AssertionError("expected an empty-file error");
        } catch (DataFormatException e) {
          assertThat(e.getMessage())
              .contains(bad == 0 ? "holds no rating, only" : "no rating is left");
        }
        return;
      }
      ReadResult result = DatasetReader.read(file, options);
      RatingDataset data = result.dataset();
      List<String> actual = new ArrayList<>();
      for (int row = 0; row < data.size(); row++) {
        actual.add(
            data.rawUserId(row)
                + " "
                + data.rawMovieId(row)
                + " "
                + data.rating(row)
                + " "
                + data.timestamp(row));
      }
      assertThat(actual).isEqualTo(expected);
      assertThat(result.report().skippedLines()).isEqualTo(bad);
      assertThat(result.report().lines()).isEqualTo(lines.size() + (layout == Layout.CSV ? 1 : 0));
    } finally {
      Files.delete(file);
    }
  }

  /** The row a well-formed line gives, or {@code null} when the line is bad. */
  private static String reference(String[] fields, RatingScale scale) {
    Long user = id(fields[0]);
    Long movie = id(fields[1]);
    if (user == null || movie == null) {
      return null;
    }
    if (!fields[2].matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      return null;
    }
    float rating = Float.parseFloat(fields[2]);
    if (!Float.isFinite(rating) || !scale.allows(rating)) {
      return null;
    }
    if (!fields[3].matches("\\d+") || fields[3].length() > 12) {
      return null;
    }
    long time = Long.parseLong(fields[3]);
    if (time > 4_102_444_800L) {
      return null;
    }
    return user + " " + movie + " " + rating + " " + time;
  }

  private static Long id(String text) {
    if (!text.matches("\\d{1,10}")) {
      return null;
    }
    long value = Long.parseLong(text);
    return value > Integer.MAX_VALUE ? null : value;
  }
}
