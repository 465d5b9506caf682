package org.movierec.spark.job;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.movierec.spark.model.ShippedModel;
import org.movierec.spark.recommend.BatchRecommender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code recommend}: every user's top-N list, written as Parquet. */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    description = {
      "Write the top-N movies of every user as Parquet rows (user, rank, movie, score,"
          + " predicted_rating), ranked by raw score, leaving out the movies each user rated in"
          + " training and, with --ratings, those rated there.",
      "Users are those of --ratings when given, otherwise every user the model knows."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  spark-submit movierec-spark.jar recommend --model tuned.mrec --out hdfs:///top10",
      "  java ... -jar movierec-spark.jar recommend --model m.mrec --ratings ml-25m --top 20 \\",
      "      --out /tmp/top20"
    })
final class RecommendJobCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin JobOptions options;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description = "a model file on the driver's file system")
  Path model;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Parquet output")
  String out;

  @Option(
      names = "--ratings",
      paramLabel = "PATH",
      description = "ratings whose users to recommend for (default: every user of the model)")
  String ratings;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "movies per user (default ${DEFAULT-VALUE})")
  int top;

  @Option(
      names = "--partitions",
      paramLabel = "P",
      defaultValue = "0",
      description = "tasks to spread users over (default: 4 per core of the cluster)")
  int partitions;

  @Option(names = "--overwrite", description = "replace an existing output")
  boolean overwrite;

  @Override
  public Integer call() throws Exception {
    if (top < 1 || partitions < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "--top must be at least 1 and --partitions at least 0, got "
              + top
              + " and "
              + partitions);
    }
    SparkSession spark = JobOptions.session("recommend");
    ShippedModel shipped = ShippedModel.ship(spark, model, options.coldStart);
    try {
      Dataset<Row> users =
          ratings == null
              ? BatchRecommender.modelUsers(spark, shipped)
              : BatchRecommender.usersOf(options.ratings(spark, ratings));
      int tasks = partitions > 0 ? partitions : 4 * spark.sparkContext().defaultParallelism();
      long start = System.nanoTime();
      BatchRecommender.write(
          BatchRecommender.recommend(users, shipped, top, tasks), out, overwrite);
      double seconds = (System.nanoTime() - start) / 1e9;
      long userCount = spark.read().parquet(out).select("user").distinct().count();
      long movies = shipped.model().movies().size();
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("out", out);
      result.put("users", userCount);
      result.put("movies", movies);
      result.put("top", top);
      result.put("seconds", seconds);
      result.put("seconds_per_million_pairs", seconds / (userCount * (double) movies / 1e6));
      JsonLine.print(spec.commandLine().getOut(), result);
      return 0;
    } finally {
      shipped.release();
      spark.stop();
    }
  }
}
