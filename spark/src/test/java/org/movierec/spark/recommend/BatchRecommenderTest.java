package org.movierec.spark.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Model;
import org.movierec.core.model.Recommendation;
import org.movierec.spark.GeneratedFixture;
import org.movierec.spark.LocalSpark;
import org.movierec.spark.model.ShippedModel;
import org.movierec.spark.ratings.RatingsFormat;
import org.movierec.spark.ratings.SparkRatings;

class BatchRecommenderTest {

  @RegisterExtension static final LocalSpark SPARK = new LocalSpark();

  private static final int TOP = 10;

  private static GeneratedFixture fixture;
  private static Model local;
  private static ShippedModel shipped;

  @BeforeAll
  static void setUp() throws Exception {
    fixture = GeneratedFixture.get();
    local = fixture.loadModel();
    shipped = ShippedModel.ship(SPARK.session(), fixture.modelFile, ColdStartPolicy.FALLBACK);
  }

  @AfterAll
  static void tearDown() {
    shipped.release();
    local.close();
  }

  @Test
  void recommend_everyUserOfTheRatings_equalsSingleJvmRecommendLeavingOutTheirMovies()
      throws Exception {
    Dataset<Row> ratings =
        SparkRatings.read(SPARK.session(), fixture.directory.toString(), RatingsFormat.AUTO);

    List<Row> rows =
        BatchRecommender.recommend(BatchRecommender.usersOf(ratings), shipped, TOP, 4)
            .collectAsList();

    Map<Integer, List<Recommendation>> lists = byUser(rows);
    Map<Integer, List<Integer>> rated = new HashMap<>();
    for (RatingDataset side : List.of(fixture.train, fixture.test)) {
      for (int row = 0; row < side.size(); row++) {
        rated
            .computeIfAbsent(side.rawUserId(row), u -> new ArrayList<>())
            .add(side.rawMovieId(row));
      }
    }
    assertThat(lists).hasSize(1_000).containsOnlyKeys(rated.keySet());
    for (Map.Entry<Integer, List<Recommendation>> entry : lists.entrySet()) {
      int user = entry.getKey();
      assertThat(entry.getValue())
          .as("user %d", user)
          .hasSize(TOP)
          .containsExactlyElementsOf(
              local.recommend(user, BatchRecommender.request(TOP, rated.get(user))));
    }
  }

  @Test
  void write_thenRead_keepsEveryRowAndRefusesToOverwrite(@TempDir Path out) {
    String target = out.resolve("top").toString();
    Dataset<Row> lists =
        BatchRecommender.recommend(
            BatchRecommender.modelUsers(SPARK.session(), shipped), shipped, 3, 2);

    BatchRecommender.write(lists, target, false);
    List<Row> read = SPARK.session().read().parquet(target).collectAsList();

    assertThat(read).hasSize(3 * local.users().size());
    assertThat(SPARK.session().read().parquet(target).schema())
        .isEqualTo(BatchRecommender.SCHEMA.asNullable());
    assertThat(byUser(read).get(local.users().rawId(0)))
        .containsExactlyElementsOf(local.recommend(local.users().rawId(0), 3));
    assertThatThrownBy(() -> BatchRecommender.write(lists, target, false))
        .hasMessageContaining("already exists");
  }

  @Test
  void model_askedTwiceInOneJvm_isLoadedOnce() {
    assertThat(shipped.model()).isSameAs(shipped.model());
  }

  private static Map<Integer, List<Recommendation>> byUser(List<Row> rows) {
    Map<Integer, List<Recommendation>> lists = new HashMap<>();
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(
        (a, b) ->
            a.getInt(0) != b.getInt(0)
                ? Integer.compare(a.getInt(0), b.getInt(0))
                : Integer.compare(a.getInt(1), b.getInt(1)));
    for (Row row : sorted) {
      lists
          .computeIfAbsent(row.getInt(0), user -> new ArrayList<>())
          .add(new Recommendation(row.getInt(2), row.getFloat(3), row.getFloat(4)));
    }
    return lists;
  }
}
