package org.movierec.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Spark session in {@code local[2]} per test class: two cores, as on this project's machines,
 * loopback only, no web UI, few shuffle partitions for small data.
 */
public final class LocalSpark implements BeforeAllCallback, AfterAllCallback {

  private SparkSession session;

  /** The session of the running test class. */
  public SparkSession session() {
    return session;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    session =
        SparkSession.builder()
            .appName(context.getDisplayName())
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.sql.adaptive.enabled", "false")
            .getOrCreate();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (session != null) {
      session.stop();
    }
  }
}
