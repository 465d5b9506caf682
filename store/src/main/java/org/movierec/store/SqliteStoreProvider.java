package org.movierec.store;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.movierec.core.store.RatingStore;
import org.movierec.core.store.RatingStoreProvider;
import org.movierec.core.store.StoreException;
import org.movierec.core.store.StoreOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: SQLite in one file, created on first use, given as a path such as {@code
 * ratings.db} or as {@code jdbc:sqlite:ratings.db}. The file is in WAL mode, so readers (a snapshot
 * for training) never block the writer, and every commit is synced to disk before a write returns.
 */
public final class SqliteStoreProvider implements RatingStoreProvider {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteStoreProvider.class);
  private static final String PREFIX = "jdbc:sqlite:";

  /** The provider; {@link java.util.ServiceLoader} makes it. */
  public SqliteStoreProvider() {}

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public String locationForms() {
    return "a file path such as ratings.db, or jdbc:sqlite:FILE (SQLite, created on demand)";
  }

  @Override
  public boolean accepts(String location) {
    return location.startsWith(PREFIX)
        || (!location.startsWith("jdbc:") && !location.contains("://"));
  }

  @Override
  public RatingStore open(String location, StoreOptions options) {
    Path file = file(location);
    String url = PREFIX + file;
    Path directory = file.toAbsolutePath().getParent();
    if (directory != null && !Files.isDirectory(directory)) {
      throw new StoreException(
          url, "its directory " + directory + " does not exist; create it or choose another path");
    }
    if (Files.isDirectory(file)) {
      throw new StoreException(url, "is a directory; give the path of a file such as ratings.db");
    }
    int busyMillis = (int) Math.min(Integer.MAX_VALUE, options.lockTimeout().toMillis());
    Failures failures = Failures.sqlite(busyMillis);
    boolean created = !Files.exists(file);
    String version =
        Migrations.migrate(SqliteConnections.source(url, busyMillis), "sqlite", url, failures);
    SqliteConnections connections;
    try {
      connections = new SqliteConnections(url, busyMillis, options.poolSize());
    } catch (SQLException e) {
      throw new StoreException(url, "cannot be opened: " + failures.explain(e), e);
    }
    try {
      JdbcRatingStore store = new JdbcRatingStore(url, connections, failures);
      LOG.info(
          "{} ratings store {} (schema version {})", created ? "created" : "opened", url, version);
      return store;
    } catch (RuntimeException e) {
      connections.close();
      throw e;
    }
  }

  private static Path file(String location) {
    String path = location.startsWith(PREFIX) ? location.substring(PREFIX.length()) : location;
    if (path.isBlank() || path.startsWith(":memory:") || path.startsWith("file:")) {
      throw new StoreException(
          location, "give the path of a file, e.g. ratings.db; an in-memory store keeps nothing");
    }
    try {
      return Path.of(path);
    } catch (InvalidPathException e) {
      throw new StoreException(location, "is not a valid file path: " + e.getReason(), e);
    }
  }
}
