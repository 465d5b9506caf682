package org.movierec.store.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for tests, started once per JVM on 127.0.0.1 from the binaries in
 * zonky's Maven Central jar and stopped when the JVM exits; each test takes a database of its own.
 * As root, zonky runs PostgreSQL under {@code unshare -U}, since PostgreSQL refuses to run as root.
 */
public final class LocalPostgres {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private LocalPostgres() {}

  /** The running server, started on first use. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server =
            EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "on")
                .setRegisterShutdownHook(true)
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
    }
    return server;
  }

  /** Creates an empty database and returns its JDBC URL, user {@code postgres} without password. */
  public static String newDatabase() {
    String name =
        "movierec_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    return url(name);
  }

  /** The JDBC URL of a database on the test server. */
  public static String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + server().getPort() + "/" + database + "?user=postgres";
  }
}
