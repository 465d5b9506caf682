package org.movierec.spark.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.spark.LocalSpark;

class SparkRatingsTest {

  @RegisterExtension static final LocalSpark SPARK = new LocalSpark();

  @Test
  void read_eachMovieLensLayout_givesTheSameRows(@TempDir Path dir) throws Exception {
    Path tab = write(dir.resolve("u.data"), "1\t10\t4\t881250949\n2\t20\t3\t881250950\n");
    Path dat = write(dir.resolve("ratings.dat"), "1::10::4::881250949\n2::20::3::881250950\n");
    Path csv =
        write(
            dir.resolve("ratings.csv"),
            "userId,movieId,rating,timestamp\n1,10,4.0,881250949\n2,20,3.0,881250950\n");

    for (Path file : List.of(tab, dat, csv)) {
      List<Row> rows =
          SparkRatings.read(SPARK.session(), file.toString(), RatingsFormat.AUTO)
              .orderBy("user")
              .collectAsList();

      assertThat(rows)
          .as(file.toString())
          .extracting(Row::toString)
          .containsExactly("[1,10,4.0,881250949]", "[2,20,3.0,881250950]");
    }
  }

  @Test
  void read_parquetWithMovieLensColumnNames_isDetectedAndRenamed(@TempDir Path dir)
      throws Exception {
    Path csv = write(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n3,30,2.5,7\n");
    String parquet = dir.resolve("ratings.parquet").toString();
    SPARK
        .session()
        .read()
        .option("header", "true")
        .option("inferSchema", "true")
        .csv(csv.toString())
        .write()
        .parquet(parquet);

    List<Row> rows =
        SparkRatings.read(SPARK.session(), parquet, RatingsFormat.AUTO).collectAsList();

    assertThat(rows).extracting(Row::toString).containsExactly("[3,30,2.5,7]");
  }

  @Test
  void read_ratingOffTheScale_namesFileAndQuotesLine(@TempDir Path dir) throws Exception {
    Path file = write(dir.resolve("u.data"), "1\t10\t4\t881250949\n2\t20\t3.5\t881250950\n");

    assertThatThrownBy(
            () ->
                SparkRatings.read(SPARK.session(), file.toString(), RatingsFormat.AUTO)
                    .collectAsList())
        .rootCause()
        .isInstanceOf(BadRatingsException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("'2\t20\t3.5\t881250950'")
        .hasMessageContaining("not on the 1..5 step 1 scale");
  }

  @Test
  void read_remotePathWithoutFormat_asksForOne() {
    assertThatThrownBy(
            () -> SparkRatings.read(SPARK.session(), "hdfs://nn/ratings", RatingsFormat.AUTO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pass --format");
  }

  private static Path write(Path file, String text) throws Exception {
    return Files.writeString(file, text);
  }
}
