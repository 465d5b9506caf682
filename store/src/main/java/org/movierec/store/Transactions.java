package org.movierec.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work in a transaction on a connection with auto-commit off. */
final class Transactions {

  private Transactions() {}

  /** Runs the work and commits, or rolls back and rethrows when it fails. */
  static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
    try {
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    }
  }
}
