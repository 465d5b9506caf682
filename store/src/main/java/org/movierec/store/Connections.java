package org.movierec.store;

import java.sql.SQLException;

/** Hands out connections of one store for reads and for writes, each inside a transaction. */
interface Connections extends AutoCloseable {

  /** Runs a read in a transaction that sees one consistent state, then ends the transaction. */
  <T> T read(SqlWork<T> work) throws SQLException;

  /** Runs a write in a transaction and commits it; rolls it back when the work fails. */
  <T> T write(SqlWork<T> work) throws SQLException;

  /** Closes every connection. */
  @Override
  void close();
}
