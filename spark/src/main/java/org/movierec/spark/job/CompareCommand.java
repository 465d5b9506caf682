package org.movierec.spark.job;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.core.model.Model;
import org.movierec.spark.als.AlsComparison;
import org.movierec.spark.als.AlsSettings;
import org.movierec.spark.eval.DistributedEvaluator;
import org.movierec.spark.model.ShippedModel;
import org.movierec.spark.recommend.BatchRecommender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code compare}: a movierec model and Spark MLlib's ALS on the same split, side by side: RMSE,
 * MAE, ranking metrics, training time and the wall time of top-N for the same users.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Train Spark MLlib's ALS on --train, then measure it and a movierec model trained on the same"
          + " ratings on --test with the same definitions, and time top-N lists for the same users"
          + " on both (written to Spark's no-op sink, so that no output is timed), and for movierec"
          + " also on the driver alone, without Spark, on every core.",
      "movierec lists leave out each user's training movies; ALS's recommendForAllUsers does not,"
          + " so ALS's ranking metrics come from longer lists with those movies removed."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  spark-submit movierec-spark.jar compare --model u1.mrec \\",
      "      --train ml-100k/u1.base --test ml-100k/u1.test --format ml-100k"
    })
final class CompareCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin JobOptions options;

  @Mixin RankingOptions ranking;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description = "a movierec model trained on --train")
  Path model;

  @Option(names = "--train", required = true, paramLabel = "PATH", description = "train ratings")
  String train;

  @Option(names = "--test", required = true, paramLabel = "PATH", description = "test ratings")
  String test;

  @Option(
      names = "--rank",
      paramLabel = "R",
      defaultValue = "10",
      description = "ALS latent factors (default ${DEFAULT-VALUE})")
  int rank;

  @Option(
      names = "--iterations",
      paramLabel = "N",
      defaultValue = "10",
      description = "ALS sweeps (default ${DEFAULT-VALUE})")
  int iterations;

  @Option(
      names = "--regularization",
      paramLabel = "L",
      defaultValue = "0.1",
      description = "ALS regParam (default ${DEFAULT-VALUE})")
  double regularization;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "list length of the timed top-N (default ${DEFAULT-VALUE})")
  int top;

  @Option(
      names = "--users",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "time top-N for the N lowest user ids only (default: every training user, ALS through"
              + " recommendForAllUsers)")
  int users;

  @Option(
      names = "--skip-metrics",
      description = "time top-N only, e.g. on data too large to evaluate on one machine's Spark")
  boolean skipMetrics;

  @Override
  public Integer call() throws Exception {
    EvaluationOptions evaluation = ranking.options(spec);
    AlsSettings als;
    try {
      als = new AlsSettings(rank, iterations, regularization, 42);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (top < 1 || users < 0) {
      throw new ParameterException(
          spec.commandLine(), "--top must be >= 1 and --users >= 0, got " + top + ", " + users);
    }
    SparkSession spark = JobOptions.session("compare");
    ShippedModel shipped = ShippedModel.ship(spark, model, options.coldStart);
    try {
      Dataset<Row> trainSet = options.ratings(spark, train).cache();
      Dataset<Row> testSet = options.ratings(spark, test).cache();
      long trainCount = trainSet.count();
      long testCount = testSet.count();
      AlsComparison.Trained trained = AlsComparison.train(trainSet, als);
      Dataset<Row> timedUsers = timedUsers(trainSet).cache();
      long userCount = timedUsers.count();

      Map<String, Object> ours = new LinkedHashMap<>();
      Model local = shipped.model();
      ours.put("backend", local.info().backend());
      ours.put("train_seconds_single_jvm", local.info().summary().trainSeconds());
      Map<String, Object> theirs = new LinkedHashMap<>();
      theirs.put("settings", als);
      theirs.put("train_seconds", trained.trainSeconds());
      if (!skipMetrics) {
        long start = System.nanoTime();
        ours.put("rating", DistributedEvaluator.ratings(shipped, testSet));
        ours.put("ranking", DistributedEvaluator.ranking(shipped, testSet, evaluation));
        ours.put("evaluate_seconds", (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        theirs.put("rating", AlsComparison.ratings(trained, testSet, local.scale()));
        theirs.put("ranking", AlsComparison.ranking(trained, trainSet, testSet, evaluation));
        theirs.put("evaluate_seconds", (System.nanoTime() - start) / 1e9);
      }
      int tasks = 4 * spark.sparkContext().defaultParallelism();
      double oursSeconds = timeNoop(BatchRecommender.recommend(timedUsers, shipped, top, tasks));
      ours.put("top_n_seconds", oursSeconds);
      ours.put("catalog", local.movies().size());
      ours.put(
          "seconds_per_million_pairs", perMillion(oursSeconds, userCount, local.movies().size()));
      double singleJvmSeconds = timeSingleJvm(local, timedUsers);
      ours.put("single_jvm_top_n_seconds", singleJvmSeconds);
      ours.put("single_jvm_threads", Runtime.getRuntime().availableProcessors());
      ours.put(
          "single_jvm_seconds_per_million_pairs",
          perMillion(singleJvmSeconds, userCount, local.movies().size()));
      Dataset<Row> alsLists =
          users == 0
              ? trained.model().recommendForAllUsers(top)
              : trained.model().recommendForUserSubset(timedUsers, top);
      double alsSeconds = timeNoop(alsLists);
      long alsCatalog = trained.model().itemFactors().count();
      theirs.put("top_n_seconds", alsSeconds);
      theirs.put("top_n_call", users == 0 ? "recommendForAllUsers" : "recommendForUserSubset");
      theirs.put("catalog", alsCatalog);
      theirs.put("seconds_per_million_pairs", perMillion(alsSeconds, userCount, alsCatalog));

      Map<String, Object> result = new LinkedHashMap<>();
      result.put("train_ratings", trainCount);
      result.put("test_ratings", testCount);
      result.put("top_n_users", userCount);
      result.put("top", top);
      result.put("cores", spark.sparkContext().defaultParallelism());
      result.put("movierec", ours);
      result.put("als", theirs);
      JsonLine.print(spec.commandLine().getOut(), result);
      return 0;
    } finally {
      shipped.release();
      spark.stop();
    }
  }

  private Dataset<Row> timedUsers(Dataset<Row> trainSet) {
    Dataset<Row> all = BatchRecommender.usersOf(trainSet);
    return users == 0 ? all : all.orderBy(col("user")).limit(users);
  }

  /**
   * The same lists computed on the driver alone, one user per task on every core, with the same
   * requests: the single-JVM figure the Spark job is measured against.
   */
  private double timeSingleJvm(Model local, Dataset<Row> timedUsers) {
    List<Row> rows = timedUsers.collectAsList();
    long start = System.nanoTime();
    rows.parallelStream()
        .forEach(
            row -> local.recommend(row.getInt(0), BatchRecommender.request(top, row.getList(1))));
    return (System.nanoTime() - start) / 1e9;
  }

  private static double timeNoop(Dataset<Row> lists) {
    long start = System.nanoTime();
    lists.write().format("noop").mode(SaveMode.Overwrite).save();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double perMillion(double seconds, long users, long movies) {
    return seconds / (users * (double) movies / 1e6);
  }
}
