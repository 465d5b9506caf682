package org.movierec.spark.eval;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;

import java.io.Serializable;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.movierec.core.eval.ErrorSums;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.core.eval.RankingMetrics;
import org.movierec.core.eval.RankingSums;
import org.movierec.core.eval.RatingEvaluator;
import org.movierec.core.eval.RatingMetrics;
import org.movierec.core.eval.UserRanking;
import org.movierec.core.model.Model;
import org.movierec.core.model.Recommendation;
import org.movierec.spark.model.ShippedModel;

/**
 * Rating and ranking metrics of a shipped model over a test set held by Spark, with the same
 * definitions as core's {@code RatingEvaluator} and {@code RankingEvaluator}: each partition runs
 * core's per-pair and per-user arithmetic and the partial sums are merged on the driver, so only
 * the order of additions differs from one machine.
 */
public final class DistributedEvaluator {

  /** Test pairs predicted per call to the model, as core's evaluator does. */
  private static final int BATCH = 8192;

  private DistributedEvaluator() {}

  /**
   * RMSE and MAE over every test rating of {@code SparkRatings.SCHEMA}, cold pairs included and
   * also measured alone.
   *
   * @throws IllegalArgumentException (from the failed task) when a pair is cold and the model's
   *     cold-start policy is error
   */
  public static RatingMetrics ratings(ShippedModel shipped, Dataset<Row> test) {
    return test.select(col("user"), col("movie"), col("rating"))
        .javaRDD()
        .mapPartitions(rows -> List.of(errorSums(shipped.model(), rows)).iterator())
        .fold(new ErrorSums(), ErrorSums::merge)
        .toMetrics();
  }

  /**
   * Precision, recall, NDCG, MAP and hit rate of every test user's top-k list, and the coverage of
   * those lists over the model's movies; the options' thread count does not apply, as Spark decides
   * the parallelism.
   */
  public static RankingMetrics ranking(
      ShippedModel shipped, Dataset<Row> test, EvaluationOptions options) {
    int k = options.k();
    double threshold = options.relevanceThreshold();
    RankingPart total =
        test.groupBy(col("user"))
            .agg(collect_list(col("movie")), collect_list(col("rating")))
            .javaRDD()
            .mapPartitions(
                rows -> List.of(rankingPart(shipped.model(), rows, k, threshold)).iterator())
            .fold(new RankingPart(), RankingPart::merge);
    int catalog = shipped.model().movies().size();
    double coverage = catalog == 0 ? 0 : (double) total.recommended.cardinality() / catalog;
    return total.sums.toMetrics(k, threshold, coverage);
  }

  private static ErrorSums errorSums(Model model, Iterator<Row> rows) {
    ErrorSums sums = new ErrorSums();
    int[] users = new int[BATCH];
    int[] movies = new int[BATCH];
    float[] ratings = new float[BATCH];
    int length = 0;
    while (rows.hasNext()) {
      Row row = rows.next();
      users[length] = row.getInt(0);
      movies[length] = row.getInt(1);
      ratings[length] = row.getFloat(2);
      if (++length == BATCH) {
        RatingEvaluator.accumulate(model, users, movies, ratings, sums);
        length = 0;
      }
    }
    if (length > 0) {
      RatingEvaluator.accumulate(
          model,
          Arrays.copyOf(users, length),
          Arrays.copyOf(movies, length),
          Arrays.copyOf(ratings, length),
          sums);
    }
    return sums;
  }

  private static RankingPart rankingPart(Model model, Iterator<Row> rows, int k, double threshold) {
    RankingPart part = new RankingPart();
    while (rows.hasNext()) {
      Row row = rows.next();
      List<Integer> movies = row.getList(1);
      List<Float> ratings = row.getList(2);
      int[] movieIds = movies.stream().mapToInt(Integer::intValue).toArray();
      float[] ratingValues = new float[ratings.size()];
      for (int i = 0; i < ratingValues.length; i++) {
        ratingValues[i] = ratings.get(i);
      }
      int[] relevant = UserRanking.relevant(movieIds, ratingValues, movieIds.length, threshold);
      List<Recommendation> list = model.recommend(row.getInt(0), k);
      int[] ranked = new int[list.size()];
      for (int i = 0; i < ranked.length; i++) {
        ranked[i] = list.get(i).rawMovieId();
        int dense = model.movies().indexOf(ranked[i]);
        if (dense >= 0) {
          part.recommended.set(dense);
        }
      }
      UserRanking.of(ranked, relevant, k)
          .ifPresentOrElse(part.sums::add, part.sums::addWithoutRelevant);
    }
    return part;
  }

  /** One partition's ranking sums and the dense ids of the movies its lists hold. */
  private static final class RankingPart implements Serializable {
    private static final long serialVersionUID = 1L;

    final RankingSums sums = new RankingSums();
    final BitSet recommended = new BitSet();

    RankingPart merge(RankingPart other) {
      sums.merge(other.sums);
      recommended.or(other.recommended);
      return this;
    }
  }
}
