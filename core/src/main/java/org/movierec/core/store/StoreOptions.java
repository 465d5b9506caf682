package org.movierec.core.store;

import java.time.Duration;

/**
 * How a store is opened.
 *
 * @param lockTimeout how long a write waits for a lock another connection or process holds
 * @param poolSize the most connections a store opens at once, at least 1
 */
public record StoreOptions(Duration lockTimeout, int poolSize) {

  /** The defaults: writes wait up to 5 s for a lock, up to 8 connections. */
  public static final StoreOptions DEFAULTS = new StoreOptions(Duration.ofSeconds(5), 8);

  /** Checks the values. */
  public StoreOptions {
    if (lockTimeout.isNegative()) {
      throw new IllegalArgumentException("lock timeout must be >= 0, got " + lockTimeout);
    }
    if (poolSize < 1) {
      throw new IllegalArgumentException("pool size must be >= 1, got " + poolSize);
    }
  }
}
