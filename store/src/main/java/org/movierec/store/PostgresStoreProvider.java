package org.movierec.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.SQLException;
import org.movierec.core.store.RatingStore;
import org.movierec.core.store.RatingStoreProvider;
import org.movierec.core.store.RatingStores;
import org.movierec.core.store.StoreException;
import org.movierec.core.store.StoreOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL by JDBC URL, e.g. {@code jdbc:postgresql://db:5432/movierec?user=u&password=p}, for a
 * deployment where several servers share one store; connections come from a HikariCP pool, and the
 * pool is filled at open so a wrong URL fails at once.
 */
public final class PostgresStoreProvider implements RatingStoreProvider {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresStoreProvider.class);
  private static final String PREFIX = "jdbc:postgresql:";

  /** The provider; {@link java.util.ServiceLoader} makes it. */
  public PostgresStoreProvider() {}

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public String locationForms() {
    return "jdbc:postgresql://HOST:PORT/DATABASE?user=U&password=P (PostgreSQL)";
  }

  @Override
  public boolean accepts(String location) {
    return location.startsWith(PREFIX);
  }

  @Override
  public RatingStore open(String location, StoreOptions options) {
    String shown = RatingStores.mask(location);
    Failures failures = Failures.postgres();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(location);
    config.setPoolName("movierec-store");
    config.setMaximumPoolSize(options.poolSize());
    config.setMinimumIdle(1);
    config.setConnectionTimeout(Math.max(250, options.lockTimeout().toMillis()));
    config.setInitializationFailTimeout(Math.max(1, options.lockTimeout().toMillis()));
    config.setConnectionInitSql("SET lock_timeout = " + options.lockTimeout().toMillis());
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
      throw new StoreException(shown, "cannot be opened: " + explain(e, failures), e);
    }
    try {
      String version = Migrations.migrate(pool, "postgresql", shown, failures);
      JdbcRatingStore store = new JdbcRatingStore(shown, new PooledConnections(pool), failures);
      LOG.info("opened ratings store {} (schema version {})", shown, version);
      return store;
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static String explain(Exception e, Failures failures) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return failures.explain(sql);
      }
    }
    return e.getMessage();
  }
}
