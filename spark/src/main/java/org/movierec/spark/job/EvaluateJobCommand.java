package org.movierec.spark.job;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.spark.eval.DistributedEvaluator;
import org.movierec.spark.model.ShippedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: rating and ranking metrics of a model over a test set, computed by Spark. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Print RMSE, MAE and top-k ranking metrics of a model over test ratings, with the same"
            + " definitions as 'movierec evaluate'.",
    footerHeading = "%nExamples:%n",
    footer = {"  spark-submit movierec-spark.jar evaluate --model m.mrec --test ml-25m/test.csv"})
final class EvaluateJobCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin JobOptions options;

  @Mixin RankingOptions ranking;

  @Option(
      names = "--model",
      required = true,
      paramLabel = "FILE",
      description = "a model file on the driver's file system")
  Path model;

  @Option(names = "--test", required = true, paramLabel = "PATH", description = "test ratings")
  String test;

  @Override
  public Integer call() throws Exception {
    EvaluationOptions evaluation = ranking.options(spec);
    SparkSession spark = JobOptions.session("evaluate");
    ShippedModel shipped = ShippedModel.ship(spark, model, options.coldStart);
    try {
      Dataset<Row> ratings = options.ratings(spark, test).cache();
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("model", model.toString());
      result.put("backend", shipped.model().info().backend());
      result.put("rating", DistributedEvaluator.ratings(shipped, ratings));
      result.put("ranking", DistributedEvaluator.ranking(shipped, ratings, evaluation));
      JsonLine.print(spec.commandLine().getOut(), result);
      return 0;
    } finally {
      shipped.release();
      spark.stop();
    }
  }
}
