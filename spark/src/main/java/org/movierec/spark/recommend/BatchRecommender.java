package org.movierec.spark.recommend;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.stream.IntStream;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.movierec.core.model.Model;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import org.movierec.spark.model.ShippedModel;

/**
 * The nightly job: every user's top-N list from a shipped model, one row per user and rank, scored
 * partition by partition on the executors with the model's own {@link Model#recommend}, ranked by
 * raw score. Lists leave out the movies each user rated in training and, when the users come from
 * ratings, the movies rated there too (ratings newer than the model, say).
 */
public final class BatchRecommender {

  /**
   * The rows written: {@code user, rank} (from 1), {@code movie}, {@code score} (the raw score the
   * list is ranked by) and {@code predicted_rating} (the score clipped to the rating scale).
   */
  public static final StructType SCHEMA =
      new StructType()
          .add("user", DataTypes.IntegerType, false)
          .add("rank", DataTypes.IntegerType, false)
          .add("movie", DataTypes.IntegerType, false)
          .add("score", DataTypes.FloatType, false)
          .add("predicted_rating", DataTypes.FloatType, false);

  /** The users to recommend for: {@code user} and the movies to leave out, {@code rated}. */
  private static final StructType USERS =
      new StructType()
          .add("user", DataTypes.IntegerType, false)
          .add("rated", DataTypes.createArrayType(DataTypes.IntegerType, false), false);

  private BatchRecommender() {}

  /**
   * The users of a ratings dataset of {@code SparkRatings.SCHEMA}, each with the movies rated
   * there, which their lists leave out.
   */
  public static Dataset<Row> usersOf(Dataset<Row> ratings) {
    return ratings.groupBy(col("user")).agg(collect_set(col("movie")).as("rated"));
  }

  /**
   * Every user the model was trained on, with nothing to leave out beyond their training movies.
   */
  public static Dataset<Row> modelUsers(SparkSession spark, ShippedModel shipped) {
    int[] ids = shipped.model().users().rawIds();
    List<Row> rows = IntStream.of(ids).mapToObj(id -> RowFactory.create(id, new int[0])).toList();
    return spark.createDataFrame(rows, USERS);
  }

  /**
   * The top-{@code top} lists of users as {@link #usersOf} or {@link #modelUsers} give them (a
   * {@code user} and the {@code rated} movies to leave out), spread over {@code partitions} tasks;
   * lazy, like every Spark transformation.
   *
   * @throws IllegalArgumentException when {@code top} or {@code partitions} is below 1
   */
  public static Dataset<Row> recommend(
      Dataset<Row> users, ShippedModel shipped, int top, int partitions) {
    Objects.requireNonNull(shipped, "shipped");
    if (top < 1 || partitions < 1) {
      throw new IllegalArgumentException(
          "need top >= 1 and partitions >= 1, got top=" + top + " partitions=" + partitions);
    }
    return users
        .select(col("user").cast(DataTypes.IntegerType), col("rated"))
        .repartition(partitions)
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>) rows -> new Lists(rows, shipped.model(), top),
            Encoders.row(SCHEMA));
  }

  /**
   * Writes lists as Parquet; an existing output is kept unless {@code overwrite}, and Spark's
   * committer makes the new one appear only when every task has finished.
   */
  public static void write(Dataset<Row> lists, String out, boolean overwrite) {
    lists.write().mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists).parquet(out);
  }

  /** The rows of one partition's users, produced one user at a time. */
  private static final class Lists implements Iterator<Row> {
    private final Iterator<Row> users;
    private final Model model;
    private final int top;
    private int user;
    private List<Recommendation> list = List.of();
    private int next;

    Lists(Iterator<Row> users, Model model, int top) {
      this.users = users;
      this.model = model;
      this.top = top;
    }

    @Override
    public boolean hasNext() {
      while (next >= list.size() && users.hasNext()) {
        Row row = users.next();
        user = row.getInt(0);
        list = model.recommend(user, request(top, row.getList(1)));
        next = 0;
      }
      return next < list.size();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Recommendation item = list.get(next++);
      return RowFactory.create(user, next, item.rawMovieId(), item.score(), item.predictedRating());
    }
  }

  /** The request for a user's list: the best {@code top} movies, leaving out {@code rated}. */
  public static RecommendRequest request(int top, List<Integer> rated) {
    return RecommendRequest.builder().setCount(top).optExclude(rated).build();
  }
}
