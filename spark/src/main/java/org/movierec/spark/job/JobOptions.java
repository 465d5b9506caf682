package org.movierec.spark.job;

import java.io.IOException;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.spark.ratings.RatingsFormat;
import org.movierec.spark.ratings.SparkRatings;
import picocli.CommandLine.Option;

/** Options every command shares: the ratings format, the cold-start policy, verbosity. */
final class JobOptions {

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      description =
          "ratings format: auto (local paths only), parquet, ml-100k, ml-1m or csv"
              + " (default ${DEFAULT-VALUE})")
  String format;

  @Option(
      names = "--cold-start",
      paramLabel = "POLICY",
      defaultValue = "FALLBACK",
      description =
          "unknown users and movies: fallback to the bias estimate, or error"
              + " (default ${DEFAULT-VALUE})")
  ColdStartPolicy coldStart;

  @Option(names = "--verbose", description = "print the stack trace of a failure")
  boolean verbose;

  /**
   * The session of {@code spark-submit}, or a {@code local[*]} one when no master was given, as
   * when the job jar runs with plain {@code java}.
   */
  static SparkSession session(String name) {
    SparkSession.Builder builder = SparkSession.builder().appName("movierec " + name);
    if (!new SparkConf().contains("spark.master")) {
      builder.master("local[*]");
    }
    return builder.getOrCreate();
  }

  /** Reads ratings in the chosen format. */
  Dataset<Row> ratings(SparkSession spark, String path) throws IOException {
    return SparkRatings.read(spark, path, RatingsFormat.parse(format));
  }
}
