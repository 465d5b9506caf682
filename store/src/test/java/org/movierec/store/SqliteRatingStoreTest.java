package org.movierec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.contract.RatingStoreContractTest;
import org.movierec.core.data.RatingScale;
import org.movierec.core.store.RatingStore;
import org.movierec.core.store.RatingStores;
import org.movierec.core.store.StoreException;
import org.movierec.core.store.StoreOptions;

/** The SQLite store on a real file in a temporary directory. */
class SqliteRatingStoreTest extends RatingStoreContractTest {

  @TempDir Path directory;

  private Path file() {
    return directory.resolve("ratings.db");
  }

  @Override
  protected RatingStore openFresh() {
    return RatingStores.discover().open(file().toString());
  }

  @Override
  protected RatingStore reopen() {
    return RatingStores.discover().open("jdbc:sqlite:" + file());
  }

  @Test
  void open_newFile_isInWalModeWithItsSchemaVersioned() throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = connection.createStatement()) {
      try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
        mode.next();
        assertThat(mode.getString(1)).isEqualTo("wal");
      }
      try (ResultSet versions =
          statement.executeQuery(
              "SELECT version, success FROM "
                  + Migrations.HISTORY_TABLE
                  + " ORDER BY installed_rank")) {
        for (String version : List.of("1", "2")) {
          assertThat(versions.next()).isTrue();
          assertThat(versions.getString(1)).isEqualTo(version);
          assertThat(versions.getBoolean(2)).isTrue();
        }
      }
    }
  }

  @Test
  void open_schemaNewerThanThisBuild_isRefusedNamingTheVersion() throws Exception {
    store.close();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "INSERT INTO "
              + Migrations.HISTORY_TABLE
              + " (installed_rank, version, description, type, script, checksum, installed_by,"
              + " installed_on, execution_time, success) VALUES (99, '99', 'future', 'SQL',"
              + " 'V99__future.sql', 0, 'test', CURRENT_TIMESTAMP, 0, 1)");
    }

    assertThatThrownBy(this::reopen)
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("jdbc:sqlite:" + file())
        .hasMessageContaining("schema is at version 99, newer than this movierec knows (up to 2)");
    store = openFreshElsewhere();
  }

  @Test
  void open_fileThatIsNotADatabase_saysSo() throws Exception {
    Path model = directory.resolve("seed.mrec");
    Files.write(model, new byte[4096]);
    Files.writeString(model, "MOVIEREC model file, not a database".repeat(100));

    assertThatThrownBy(() -> RatingStores.discover().open(model.toString()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(model.toString())
        .hasMessageContaining("not a SQLite database");
  }

  @Test
  void open_missingDirectory_namesIt() {
    Path missing = directory.resolve("nowhere/ratings.db");

    assertThatThrownBy(() -> RatingStores.discover().open(missing.toString()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(missing.getParent().toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void requireScale_whileAnotherProcessHoldsTheWriteLock_failsSayingLocked() throws Exception {
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = other.createStatement()) {
      statement.execute("BEGIN IMMEDIATE");
      statement.executeUpdate("DELETE FROM ratings");

      try (RatingStore second =
          RatingStores.discover()
              .open(file().toString(), new StoreOptions(Duration.ofMillis(200), 2))) {
        assertThatThrownBy(() -> second.requireScale(RatingScale.WHOLE_STARS))
            .isInstanceOf(StoreException.class)
            .hasMessageContaining("jdbc:sqlite:" + file())
            .hasMessageContaining("locked by another connection or process");
      }
      statement.execute("ROLLBACK");
    }
  }

  @Test
  void append_returnsOnlyAfterCommit_soAnotherConnectionSeesIt() throws Exception {
    store.append(List.of(rating(5, 6, 4)));

    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file());
        Statement statement = other.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT rating FROM ratings WHERE user_id = 5 AND movie_id = 6")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getFloat(1)).isEqualTo(4f);
    }
  }

  @Test
  void open_memoryLocation_isRefused() {
    assertThatThrownBy(() -> RatingStores.discover().open("jdbc:sqlite::memory:"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("in-memory store keeps nothing");
  }

  private RatingStore openFreshElsewhere() {
    RatingStore other = RatingStores.discover().open(directory.resolve("other.db").toString());
    other.requireScale(RatingScale.WHOLE_STARS);
    return other;
  }
}
