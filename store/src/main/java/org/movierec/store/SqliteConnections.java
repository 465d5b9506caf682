package org.movierec.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite's connections: one writer, since SQLite lets one transaction write at a time anyway, and a
 * few readers that in WAL mode read a consistent snapshot while the writer commits. Writes begin
 * {@code IMMEDIATE} so that two processes never deadlock upgrading a read lock, and commit with
 * {@code synchronous=FULL}: a write that returned is on disk.
 */
final class SqliteConnections implements Connections {

  private final SQLiteDataSource readSource;
  private final Connection writer;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final BlockingQueue<Connection> idleReaders;
  private final Semaphore readers;
  private final List<Connection> opened = new ArrayList<>();
  private boolean closed;

  SqliteConnections(String url, int busyTimeoutMillis, int maxReaders) throws SQLException {
    this.writer = source(url, busyTimeoutMillis).getConnection();
    this.readSource = source(url, busyTimeoutMillis);
    this.idleReaders = new ArrayBlockingQueue<>(maxReaders);
    this.readers = new Semaphore(maxReaders);
  }

  /** A data source with the store's settings, also for Flyway's migration. */
  static SQLiteDataSource source(String url, int busyTimeoutMillis) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout(busyTimeoutMillis);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl(url);
    return source;
  }

  @Override
  public <T> T read(SqlWork<T> work) throws SQLException {
    readers.acquireUninterruptibly();
    Connection connection = null;
    try {
      connection = idleReaders.poll();
      if (connection == null) {
        connection = openReader();
      }
      T result = inTransaction(connection, "BEGIN DEFERRED", work);
      idleReaders.offer(connection);
      connection = null;
      return result;
    } finally {
      if (connection != null) {
        // A connection whose transaction failed to end is not handed out again.
        closeQuietly(connection);
      }
      readers.release();
    }
  }

  private synchronized Connection openReader() throws SQLException {
    if (closed) {
      throw new SQLException("the store is closed");
    }
    Connection connection = readSource.getConnection();
    opened.add(connection);
    return connection;
  }

  @Override
  public <T> T write(SqlWork<T> work) throws SQLException {
    writeLock.lock();
    try {
      if (closed) {
        throw new SQLException("the store is closed");
      }
      return inTransaction(writer, "BEGIN IMMEDIATE", work);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Runs work between an explicit {@code BEGIN} and {@code COMMIT}. The connection stays in
   * auto-commit mode: with auto-commit off the driver would begin the next transaction as soon as
   * one commits, and an idle writer would hold the file's write lock against other processes.
   */
  private static <T> T inTransaction(Connection connection, String begin, SqlWork<T> work)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(begin);
      try {
        T result = work.run(connection);
        statement.execute("COMMIT");
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          statement.execute("ROLLBACK");
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    }
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      synchronized (this) {
        closed = true;
        closeQuietly(writer);
        opened.forEach(SqliteConnections::closeQuietly);
      }
    } finally {
      writeLock.unlock();
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Closing; nothing left to do with a connection that will not close.
    }
  }
}
