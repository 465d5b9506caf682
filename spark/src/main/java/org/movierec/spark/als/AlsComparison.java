package org.movierec.spark.als;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.size;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.movierec.core.data.RatingScale;
import org.movierec.core.eval.ErrorSums;
import org.movierec.core.eval.EvaluationOptions;
import org.movierec.core.eval.RankingMetrics;
import org.movierec.core.eval.RankingSums;
import org.movierec.core.eval.RatingMetrics;
import org.movierec.core.eval.UserRanking;

/**
 * Spark MLlib's ALS, what a Spark user would reach for instead of movierec, trained and measured on
 * the same split with core's definitions: predictions clipped to the rating scale, pairs ALS cannot
 * answer (a user or movie without training ratings) answered with the training mean and counted as
 * cold, top-k lists from ALS's own {@code recommendForUserSubset} with each user's training movies
 * removed, scored per user with core's arithmetic.
 */
public final class AlsComparison {

  private AlsComparison() {}

  /**
   * A trained ALS model and what it needed.
   *
   * @param model the fitted model
   * @param trainSeconds wall time of the fit
   * @param trainMean the mean training rating, the answer for cold pairs
   */
  public record Trained(ALSModel model, double trainSeconds, double trainMean) {}

  /** Fits ALS to ratings of {@code SparkRatings.SCHEMA}. */
  public static Trained train(Dataset<Row> train, AlsSettings settings) {
    long start = System.nanoTime();
    ALSModel model =
        new ALS()
            .setUserCol("user")
            .setItemCol("movie")
            .setRatingCol("rating")
            .setRank(settings.rank())
            .setMaxIter(settings.iterations())
            .setRegParam(settings.regularization())
            .setSeed(settings.seed())
            .setColdStartStrategy("nan")
            .fit(train);
    model.userFactors().count();
    double seconds = (System.nanoTime() - start) / 1e9;
    double mean = train.agg(avg(col("rating"))).first().getDouble(0);
    return new Trained(model, seconds, mean);
  }

  /** RMSE and MAE of ALS's clipped predictions over every test rating. */
  public static RatingMetrics ratings(Trained trained, Dataset<Row> test, RatingScale scale) {
    double fallback = trained.trainMean();
    return trained
        .model()
        .transform(test.select(col("user"), col("movie"), col("rating")))
        .select(col("prediction"), col("rating"))
        .javaRDD()
        .mapPartitions(rows -> List.of(errorSums(rows, scale, fallback)).iterator())
        .fold(new ErrorSums(), ErrorSums::merge)
        .toMetrics();
  }

  /**
   * Ranking metrics of ALS's top-k lists for every test user, each list taken from ALS's best
   * {@code k + n} movies after removing the user's {@code n} training movies at most.
   */
  public static RankingMetrics ranking(
      Trained trained, Dataset<Row> train, Dataset<Row> test, EvaluationOptions options) {
    int k = options.k();
    double threshold = options.relevanceThreshold();
    Dataset<Row> rated = train.groupBy(col("user")).agg(collect_set(col("movie")).as("rated"));
    Dataset<Row> relevant =
        test.groupBy(col("user"))
            .agg(
                collect_list(col("movie")).as("movies"), collect_list(col("rating")).as("ratings"));
    Row most = rated.join(relevant, "user").agg(max(size(col("rated")))).first();
    int mostRated = most.isNullAt(0) ? 0 : most.getInt(0);
    Dataset<Row> lists =
        trained
            .model()
            .recommendForUserSubset(relevant.select(col("user")), k + mostRated)
            .withColumnRenamed("recommendations", "candidates");
    Part total =
        relevant
            .join(rated, "user", "left")
            .join(lists, "user", "left")
            .select(col("user"), col("movies"), col("ratings"), col("rated"), col("candidates"))
            .javaRDD()
            .mapPartitions(rows -> List.of(rankingPart(rows, k, threshold)).iterator())
            .fold(new Part(), Part::merge);
    long catalog = trained.model().itemFactors().agg(count(col("id"))).first().getLong(0);
    double coverage = catalog == 0 ? 0 : (double) total.recommended.size() / catalog;
    return total.sums.toMetrics(k, threshold, coverage);
  }

  private static ErrorSums errorSums(Iterator<Row> rows, RatingScale scale, double fallback) {
    ErrorSums sums = new ErrorSums();
    while (rows.hasNext()) {
      Row row = rows.next();
      float prediction = row.getFloat(0);
      boolean cold = Float.isNaN(prediction);
      sums.add(scale.clip(cold ? (float) fallback : prediction), row.getFloat(1), cold);
    }
    return sums;
  }

  private static Part rankingPart(Iterator<Row> rows, int k, double threshold) {
    Part part = new Part();
    while (rows.hasNext()) {
      Row row = rows.next();
      List<Integer> movies = row.getList(1);
      List<Float> ratings = row.getList(2);
      float[] ratingValues = new float[ratings.size()];
      for (int i = 0; i < ratingValues.length; i++) {
        ratingValues[i] = ratings.get(i);
      }
      int[] relevant =
          UserRanking.relevant(
              movies.stream().mapToInt(Integer::intValue).toArray(),
              ratingValues,
              ratingValues.length,
              threshold);
      Set<Integer> rated = row.isNullAt(3) ? Set.of() : new HashSet<>(row.getList(3));
      List<Row> candidates = row.isNullAt(4) ? List.of() : row.getList(4);
      int[] ranked = new int[Math.min(k, candidates.size())];
      int length = 0;
      for (int i = 0; i < candidates.size() && length < ranked.length; i++) {
        int movie = candidates.get(i).getInt(0);
        if (!rated.contains(movie)) {
          ranked[length++] = movie;
          part.recommended.add(movie);
        }
      }
      UserRanking.of(Arrays.copyOf(ranked, length), relevant, k)
          .ifPresentOrElse(part.sums::add, part.sums::addWithoutRelevant);
    }
    return part;
  }

  /** One partition's ranking sums and the raw ids of the movies its lists hold. */
  private static final class Part implements Serializable {
    private static final long serialVersionUID = 1L;

    final RankingSums sums = new RankingSums();
    final Set<Integer> recommended = new HashSet<>();

    Part merge(Part other) {
      sums.merge(other.sums);
      recommended.addAll(other.recommended);
      return this;
    }
  }
}
