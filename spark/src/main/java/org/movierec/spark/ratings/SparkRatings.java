package org.movierec.spark.ratings;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.movierec.data.Layout;
import org.movierec.data.movielens.DatasetReader;

/**
 * Reads ratings into a Spark {@code Dataset<Row>} of {@link #SCHEMA}: MovieLens text layouts line
 * by line with the data module's rules, or Parquet. Bad input fails the job with a {@link
 * BadRatingsException} naming the file and quoting the line.
 */
public final class SparkRatings {

  /** The columns every reader produces: {@code user, movie, rating, timestamp}. */
  public static final StructType SCHEMA =
      new StructType()
          .add("user", DataTypes.IntegerType, false)
          .add("movie", DataTypes.IntegerType, false)
          .add("rating", DataTypes.FloatType, false)
          .add("timestamp", DataTypes.LongType, false);

  private SparkRatings() {}

  /**
   * Reads ratings from a path Spark can read (a local path, {@code hdfs://}, {@code s3a://}...). A
   * MovieLens dataset directory stands for its ratings file. {@link RatingsFormat#AUTO} detects the
   * format of local paths only; name it for others.
   *
   * @throws IOException when a local path cannot be inspected
   * @throws IllegalArgumentException when the format cannot be detected
   */
  public static Dataset<Row> read(SparkSession spark, String path, RatingsFormat format)
      throws IOException {
    RatingsFormat resolved = format == RatingsFormat.AUTO ? detect(path) : format;
    if (resolved == RatingsFormat.PARQUET) {
      return parquet(spark, path);
    }
    Layout layout = resolved.layout().orElseThrow();
    String file = ratingsFileOf(path, layout);
    RatingsLineParser parser = new RatingsLineParser(layout);
    Dataset<Row> lines = spark.read().text(file).withColumn("file", input_file_name());
    return lines.mapPartitions(
        (MapPartitionsFunction<Row, Row>) rows -> parseLines(rows, parser), Encoders.row(SCHEMA));
  }

  private static Iterator<Row> parseLines(Iterator<Row> rows, RatingsLineParser parser) {
    List<Row> parsed = new ArrayList<>();
    while (rows.hasNext()) {
      Row line = rows.next();
      RatingsLineParser.ParsedRating rating = parser.parse(line.getString(0), line.getString(1));
      if (rating != null) {
        parsed.add(
            RowFactory.create(rating.user(), rating.movie(), rating.rating(), rating.timestamp()));
      }
    }
    return parsed.iterator();
  }

  private static Dataset<Row> parquet(SparkSession spark, String path) {
    Dataset<Row> raw = spark.read().parquet(path);
    List<String> columns = Arrays.asList(raw.columns());
    String user = column(columns, path, "user", "userId");
    String movie = column(columns, path, "movie", "movieId");
    String rating = column(columns, path, "rating", "rating");
    Dataset<Row> typed =
        raw.select(
            col(user).cast(DataTypes.IntegerType).as("user"),
            col(movie).cast(DataTypes.IntegerType).as("movie"),
            col(rating).cast(DataTypes.FloatType).as("rating"),
            (columns.contains("timestamp") ? col("timestamp").cast(DataTypes.LongType) : lit(0L))
                .as("timestamp"));
    return typed.mapPartitions(
        (MapPartitionsFunction<Row, Row>) rows -> checkedRows(rows, path), Encoders.row(SCHEMA));
  }

  private static Iterator<Row> checkedRows(Iterator<Row> rows, String path) {
    List<Row> checked = new ArrayList<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      if (row.isNullAt(0) || row.isNullAt(1) || row.isNullAt(2)) {
        throw new BadRatingsException(
            path
                + ": a row lacks a user, movie or rating, or holds one that is not a number: "
                + row);
      }
      checked.add(row);
    }
    return checked.iterator();
  }

  private static String column(List<String> columns, String path, String name, String movieLens) {
    if (columns.contains(name)) {
      return name;
    }
    if (columns.contains(movieLens)) {
      return movieLens;
    }
    throw new BadRatingsException(
        path
            + ": Parquet ratings need a column '"
            + name
            + "'"
            + (name.equals(movieLens) ? "" : " or '" + movieLens + "'")
            + "; found "
            + columns);
  }

  /** The format of a local path; remote paths must name theirs. */
  static RatingsFormat detect(String path) throws IOException {
    Path local = localPath(path);
    if (local == null) {
      throw new IllegalArgumentException(
          "cannot detect the format of "
              + path
              + " without reading it through Spark; pass --format (parquet, ml-100k, ml-1m or"
              + " csv)");
    }
    if (isParquet(local)) {
      return RatingsFormat.PARQUET;
    }
    return RatingsFormat.parse(DatasetReader.detectLayout(local).id());
  }

  /** The ratings file of a MovieLens dataset directory, or the path itself. */
  private static String ratingsFileOf(String path, Layout layout) throws IOException {
    Path local = localPath(path);
    if (local != null) {
      return Files.isDirectory(local) ? DatasetReader.ratingsFile(local).toString() : path;
    }
    return path.endsWith("/") ? path + layout.ratingsFile() : path;
  }

  private static boolean isParquet(Path local) throws IOException {
    if (local.getFileName() != null
        && local.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
      return true;
    }
    if (!Files.isDirectory(local)) {
      return false;
    }
    try (Stream<Path> files = Files.list(local)) {
      return files.anyMatch(file -> file.getFileName().toString().endsWith(".parquet"));
    }
  }

  /** The local file a path names, or {@code null} for a path of another file system. */
  private static Path localPath(String path) {
    URI uri;
    try {
      uri = URI.create(path);
    } catch (IllegalArgumentException e) {
      return Path.of(path);
    }
    if (uri.getScheme() == null) {
      return Path.of(path);
    }
    return uri.getScheme().equals("file") ? Path.of(uri) : null;
  }
}
