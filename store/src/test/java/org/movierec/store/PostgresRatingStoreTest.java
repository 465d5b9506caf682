package org.movierec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.movierec.core.contract.RatingStoreContractTest;
import org.movierec.core.store.RatingStore;
import org.movierec.core.store.RatingStores;
import org.movierec.core.store.StoreException;
import org.movierec.core.store.StoreOptions;
import org.movierec.store.testing.LocalPostgres;

/** The PostgreSQL store against a real PostgreSQL on 127.0.0.1, one database per test. */
class PostgresRatingStoreTest extends RatingStoreContractTest {

  private String url;

  @Override
  protected RatingStore openFresh() {
    url = LocalPostgres.newDatabase();
    return RatingStores.discover().open(url);
  }

  @Override
  protected RatingStore reopen() {
    return RatingStores.discover().open(url);
  }

  @Test
  void open_nothingListening_namesTheUrlAndWhatToCheck() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String nowhere = "jdbc:postgresql://127.0.0.1:" + port + "/movierec?user=u&password=secret";

    assertThatThrownBy(
            () ->
                RatingStores.discover().open(nowhere, new StoreOptions(Duration.ofMillis(500), 2)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("127.0.0.1:" + port + "/movierec")
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("secret")
        .hasMessageContaining("cannot reach the database");
  }

  @Test
  void open_databaseWithOtherTables_isRefused() throws Exception {
    String other = LocalPostgres.newDatabase();
    try (Connection connection = DriverManager.getConnection(other);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
    }

    assertThatThrownBy(() -> RatingStores.discover().open(other))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("holds other tables and no movierec schema history");
  }

  @Test
  void open_missingDatabase_saysHowToCreateIt() {
    String missing = LocalPostgres.url("no_such_database");

    assertThatThrownBy(() -> RatingStores.discover().open(missing))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no_such_database")
        .hasMessageContaining("createdb");
  }

  @Test
  void open_twice_migratesOnceAndShares() {
    try (RatingStore second = reopen()) {
      store.append(java.util.List.of(rating(1, 2, 3)));
      assertThat(second.userRatings(1)).containsExactly(rating(1, 2, 3));
    }
  }
}
