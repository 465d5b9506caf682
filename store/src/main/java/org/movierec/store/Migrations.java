package org.movierec.store;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.movierec.core.store.StoreException;

/**
 * Brings a store's schema to the version this build knows with Flyway, from the scripts under
 * {@code org/movierec/store/migration/<kind>}; refuses a store whose schema is newer than that, or
 * whose last migration failed, instead of writing into a schema it does not understand.
 */
final class Migrations {

  /** The table where Flyway records the schema's versions. */
  static final String HISTORY_TABLE = "movierec_schema_history";

  private Migrations() {}

  /**
   * Migrates the store's schema and returns its version.
   *
   * @throws StoreException when the schema is newer than this build, a migration failed, or the
   *     database holds other tables and no movierec schema history
   */
  static String migrate(DataSource source, String kind, String location, Failures failures) {
    Flyway flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(source)
            .locations("classpath:org/movierec/store/migration/" + kind)
            .table(HISTORY_TABLE)
            .validateMigrationNaming(true)
            .load();
    try {
      String known = latestKnown(flyway);
      for (MigrationInfo applied : flyway.info().applied()) {
        MigrationState state = applied.getState();
        if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
          throw new StoreException(
              location,
              "its schema is at version "
                  + applied.getVersion()
                  + ", newer than this movierec knows (up to "
                  + known
                  + "); run the movierec that wrote it, or a newer one");
        }
        if (state.isFailed()) {
          throw new StoreException(
              location,
              "its schema migration to version "
                  + applied.getVersion()
                  + " failed earlier ("
                  + applied.getDescription()
                  + "); restore the store from a backup");
        }
      }
      flyway.migrate();
      MigrationInfo current = flyway.info().current();
      return current == null ? "none" : current.getVersion().toString();
    } catch (FlywayException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      if (message.contains("non-empty schema")) {
        throw new StoreException(
            location,
            "the database holds other tables and no movierec schema history; give movierec an"
                + " empty database or schema of its own (e.g. ?currentSchema=movierec)",
            e);
      }
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        if (cause instanceof SQLException sql) {
          throw new StoreException(location, "cannot be opened: " + failures.explain(sql), e);
        }
      }
      throw new StoreException(
          location, "cannot bring its schema to the current version: " + firstLine(message), e);
    }
  }

  private static String latestKnown(Flyway flyway) {
    MigrationInfo[] all = flyway.info().all();
    String latest = "none";
    for (MigrationInfo migration : all) {
      if (migration.getState() != MigrationState.FUTURE_SUCCESS
          && migration.getState() != MigrationState.FUTURE_FAILED
          && migration.getVersion() != null) {
        latest = migration.getVersion().toString();
      }
    }
    return latest;
  }

  private static String firstLine(String message) {
    return message
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty())
        .findFirst()
        .orElse(message);
  }
}
