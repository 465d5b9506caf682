package org.movierec.spark.recommend;

import static org.apache.spark.sql.functions.col;

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
import org.movierec.core.model.Recommendation;
import org.movierec.spark.model.ShippedModel;

/**
 * The nightly job: every user's top-N list from a shipped model, one row per user and rank, scored
 * partition by partition on the executors with the model's own {@link Model#recommend}, which
 * leaves out the movies each user rated in training.
 */
public final class BatchRecommender {

  /** The rows written: {@code user, rank} (from 1), {@code movie, predicted_rating}. */
  public static final StructType SCHEMA =
      new StructType()
          .add("user", DataTypes.IntegerType, false)
          .add("rank", DataTypes.IntegerType, false)
          .add("movie", DataTypes.IntegerType, false)
          .add("predicted_rating", DataTypes.FloatType, false);

  private BatchRecommender() {}

  /**
   * The distinct users of a ratings dataset of {@code SparkRatings.SCHEMA}, as a one-column dataset
   * {@code user}.
   */
  public static Dataset<Row> usersOf(Dataset<Row> ratings) {
    return ratings.select(col("user")).distinct();
  }

  /** Every user the model was trained on, as a one-column dataset {@code user}. */
  public static Dataset<Row> modelUsers(SparkSession spark, ShippedModel shipped) {
    int[] ids = shipped.model().users().rawIds();
    List<Row> rows = IntStream.of(ids).mapToObj(id -> RowFactory.create(id)).toList();
    return spark.createDataFrame(rows, new StructType().add("user", DataTypes.IntegerType, false));
  }

  /**
   * The top-{@code top} lists of the given users, spread over {@code partitions} tasks; lazy, like
   * every Spark transformation.
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
        .select(col("user").cast(DataTypes.IntegerType))
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
        user = users.next().getInt(0);
        list = model.recommend(user, top);
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
      return RowFactory.create(user, next, item.rawMovieId(), item.predictedRating());
    }
  }
}
