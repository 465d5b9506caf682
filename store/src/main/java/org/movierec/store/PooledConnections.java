package org.movierec.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A server database's connections from a HikariCP pool: writes commit in their own transaction,
 * reads run {@code REPEATABLE READ, READ ONLY} so that a snapshot read over many round trips sees
 * one state of the database.
 */
final class PooledConnections implements Connections {

  private final HikariDataSource pool;

  PooledConnections(HikariDataSource pool) {
    this.pool = pool;
  }

  @Override
  public <T> T read(SqlWork<T> work) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      try {
        return Transactions.inTransaction(connection, work);
      } finally {
        connection.setReadOnly(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      }
    }
  }

  @Override
  public <T> T write(SqlWork<T> work) throws SQLException {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      return Transactions.inTransaction(connection, work);
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
