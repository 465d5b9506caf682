package org.movierec.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.store.RatingStore;
import org.movierec.core.store.RatingStores;
import org.movierec.data.movielens.DatasetReader;
import org.movierec.store.testing.LocalPostgres;

/**
 * {@code import}, {@code export} and {@code train --store} against a real SQLite and PostgreSQL.
 */
class StoreCommandsTest {

  @TempDir Path dir;

  @Test
  void importTwiceThenExport_sqlite_givesBackTheSameRatingsOnce() throws IOException {
    importTwiceThenExport(dir.resolve("ratings.db").toString());
  }

  @Test
  void importTwiceThenExport_postgres_givesBackTheSameRatingsOnce() throws IOException {
    importTwiceThenExport(LocalPostgres.newDatabase());
  }

  private void importTwiceThenExport(String store) throws IOException {
    Path data = generated();

    CliRun first = CliRun.of("import", "--data", data.toString(), "--store", store);
    CliRun second = CliRun.of("import", "--data", data.toString(), "--store", store);

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).contains("imported 1,200 ratings", "holds 1,200 now (1,200 new)");
    assertThat(first.err()).contains("wrote 1,200 ratings");
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).contains("held 1,200 ratings before and holds 1,200 now (0 new)");

    Path exported = dir.resolve("exported");
    CliRun export = CliRun.of("export", "--store", store, "--out", exported.toString());
    assertThat(export.code()).as(export.err()).isZero();
    assertThat(export.out()).contains("exported 1,200 ratings");
    RatingDataset original = DatasetReader.read(data).dataset();
    RatingDataset back = DatasetReader.read(exported).dataset();
    assertThat(rows(back)).isEqualTo(rows(original));
    assertThat(back.catalog().size()).isEqualTo(original.catalog().size());
    assertThat(back.catalog().find(1).orElseThrow().title())
        .isEqualTo(original.catalog().find(1).orElseThrow().title());
  }

  @Test
  void trainFromStore_baseline_trainsOnTheSnapshotAndSavesTheModel() throws IOException {
    String store = dir.resolve("ratings.db").toString();
    assertThat(CliRun.of("import", "--data", generated().toString(), "--store", store).code())
        .isZero();
    try (RatingStore opened = RatingStores.discover().open(store)) {
      opened.append(
          java.util.List.of(new org.movierec.core.store.StoredRating(9_999, 1, 5, 1_000)));
    }
    Path model = dir.resolve("store.mrec");

    CliRun run =
        CliRun.of("train", "--store", store, "--backend", "baseline", "--model", model.toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("training on a snapshot of jdbc:sqlite:", "1,201 ratings");
    assertThat(run.out()).contains("model saved to", "test RMSE");
    assertThat(model).isRegularFile();
  }

  @Test
  void trainWithStoreAndData_isAUsageError() {
    CliRun run =
        CliRun.of(
            "train",
            "--store",
            dir.resolve("r.db").toString(),
            "--data",
            "sample",
            "--model",
            dir.resolve("m.mrec").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--store gives the ratings; leave out --data");
  }

  @Test
  void serve_retrainWithoutStoreOrWithABadDuration_isAUsageError() {
    Path model = dir.resolve("none.mrec");

    CliRun noStore =
        CliRun.of("serve", "--model", model.toString(), "--retrain-every", "1h", "--port", "0");
    CliRun badDuration =
        CliRun.of(
            "serve",
            "--model",
            model.toString(),
            "--store",
            dir.resolve("r.db").toString(),
            "--retrain-every",
            "soon");
    CliRun tooOften =
        CliRun.of(
            "serve",
            "--model",
            model.toString(),
            "--store",
            dir.resolve("r.db").toString(),
            "--retrain-every",
            "5s");

    assertThat(noStore.code()).isEqualTo(2);
    assertThat(noStore.err()).contains("need --store");
    assertThat(badDuration.code()).isEqualTo(2);
    assertThat(badDuration.err()).contains("'soon' is not a duration such as 1h, 30m or 90s");
    assertThat(tooOften.code()).isEqualTo(2);
    assertThat(tooOften.err()).contains("at least 10s");
  }

  @Test
  void import_unreachablePostgres_failsNamingTheMaskedUrl() throws IOException {
    CliRun run =
        CliRun.of(
            "import",
            "--data",
            generated().toString(),
            "--store",
            "jdbc:postgresql://127.0.0.1:1/none?user=u&password=hunter2");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains("jdbc:postgresql://127.0.0.1:1/none?user=u&password=***", "cannot reach")
        .doesNotContain("hunter2");
  }

  @Test
  void export_intoNonEmptyDirectory_isRefusedAndLeftAlone() throws IOException {
    String store = dir.resolve("ratings.db").toString();
    CliRun.of("import", "--data", generated().toString(), "--store", store);
    Path busy = Files.createDirectories(dir.resolve("busy"));
    Files.writeString(busy.resolve("keep.txt"), "mine");

    CliRun run = CliRun.of("export", "--store", store, "--out", busy.toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("is not an empty directory");
    assertThat(busy.resolve("keep.txt")).hasContent("mine");
  }

  private Path generated() {
    Path out = dir.resolve("gen");
    if (!Files.isDirectory(out)) {
      CliRun run =
          CliRun.of(
              "generate",
              "--out",
              out.toString(),
              "--users",
              "60",
              "--movies",
              "50",
              "--ratings",
              "1200");
      assertThat(run.code()).as(run.err()).isZero();
    }
    return out;
  }

  private static Set<String> rows(RatingDataset ratings) {
    Set<String> rows = new HashSet<>();
    for (int row = 0; row < ratings.size(); row++) {
      rows.add(
          ratings.rawUserId(row)
              + "/"
              + ratings.rawMovieId(row)
              + "/"
              + ratings.rating(row)
              + "/"
              + ratings.timestamp(row));
    }
    return rows;
  }
}
