package org.movierec.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on one connection inside one transaction. */
@FunctionalInterface
interface SqlWork<T> {

  /** Does the work; the caller commits or rolls back. */
  T run(Connection connection) throws SQLException;
}
