package org.movierec.data.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.testdata.SharedDatasets;
import org.movierec.data.BadLinePolicy;
import org.movierec.data.Layout;
import org.movierec.data.ReadOptions;
import org.movierec.data.ReadReport;
import org.movierec.data.movielens.DatasetReader;
import org.movierec.data.split.Split;
import org.movierec.data.split.Splits;

class DatasetStatsTest {

  @TempDir Path dir;

  @Test
  void of_lenientCsv_countsHistogramTimesAndSkippedLines() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("ratings.csv"),
            "userId,movieId,rating,timestamp\n1,10,4.5,100\n1,11,3,300\n2,10,x,5\n2,11,4.5,200\n");

    DatasetStats stats =
        DatasetStats.of(
            DatasetReader.read(
                file, ReadOptions.builder().optOnBadLine(BadLinePolicy.SKIP).build()));

    assertThat(stats.ratings()).isEqualTo(3);
    assertThat(stats.users()).isEqualTo(2);
    assertThat(stats.movies()).isEqualTo(2);
    assertThat(stats.density()).isCloseTo(0.75, within(1e-9));
    assertThat(stats.meanRating()).isCloseTo(4.0, within(1e-9));
    assertThat(stats.firstTimestamp()).hasValue(100);
    assertThat(stats.lastTimestamp()).hasValue(300);
    assertThat(stats.histogram()).hasSize(10);
    Map<String, Object> json = stats.toJsonMap();
    assertThat(json)
        .containsEntry("ratings", 3L)
        .containsEntry("users", 2)
        .containsEntry("movies", 2)
        .containsEntry("rating_min", 0.5f)
        .containsEntry("rating_max", 5f)
        .containsEntry("skipped_lines", 1L)
        .containsEntry("skipped", Map.of("bad-rating", 1L))
        .containsEntry("first_time", "1970-01-01T00:01:40Z")
        .containsEntry("layout", "csv");
    assertThat(json.get("histogram")).isEqualTo(expectedHalfStarHistogram());
    assertThat(stats.summary()).contains("3 ratings from 2 users on 2 movies", "skipped lines: 1");
  }

  private static Map<String, Long> expectedHalfStarHistogram() {
    Map<String, Long> histogram = new java.util.LinkedHashMap<>();
    for (int tenths = 5; tenths <= 50; tenths += 5) {
      String key = tenths % 10 == 0 ? Integer.toString(tenths / 10) : (tenths / 10) + ".5";
      histogram.put(key, 0L);
    }
    histogram.put("3", 1L);
    histogram.put("4.5", 2L);
    return histogram;
  }

  @Test
  void of_testSideOfSplit_countsOnlyUsersWithRows() {
    RatingsBuilder builder = new RatingsBuilder(RatingScale.WHOLE_STARS);
    builder.add(1, 1, 3, 10).add(2, 1, 4, 20).add(3, 2, 5, 30);
    Split split = Splits.timeCutoff(builder.build(), 25);
    ReadReport report =
        new ReadReport(java.util.List.of(), Layout.ML_100K, 0, Map.of(), java.util.List.of());

    DatasetStats stats = DatasetStats.of(split.test(), report);

    assertThat(stats.users()).isEqualTo(1);
    assertThat(stats.movies()).isEqualTo(1);
  }

  @Test
  void of_ml100k_publishedFigures() throws IOException {
    DatasetStats stats = DatasetStats.of(DatasetReader.read(SharedDatasets.ml100k()));

    assertThat(stats.ratings()).isEqualTo(100_000);
    assertThat(stats.users()).isEqualTo(943);
    assertThat(stats.movies()).isEqualTo(1_682);
    assertThat(stats.histogram())
        .extracting(DatasetStats.Bin::count)
        .containsExactly(6_110L, 11_370L, 27_145L, 34_174L, 21_201L);
    assertThat(stats.firstTimestamp()).hasValue(874_724_710L);
    assertThat(stats.lastTimestamp()).hasValue(893_286_638L);
    assertThat(stats.density()).isCloseTo(0.063, within(0.001));
  }
}
