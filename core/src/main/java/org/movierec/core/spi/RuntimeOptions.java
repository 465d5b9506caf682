package org.movierec.core.spi;

import java.util.Objects;
import org.movierec.core.config.DeviceRequest;
import org.movierec.core.config.Keys;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.model.ColdStartPolicy;

/**
 * How a loaded model should run: where, with how many threads, and what to do with unknown ids.
 *
 * @param device the requested device
 * @param threads compute threads, 0 for one per core
 * @param coldStart the cold-start policy
 * @param recommendThreads threads that score one user's catalog for a list, 0 for one per core
 *     ({@code recommend_threads})
 */
public record RuntimeOptions(
    DeviceRequest device, int threads, ColdStartPolicy coldStart, int recommendThreads) {

  /** Rejects missing parts and a negative thread count. */
  public RuntimeOptions {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(coldStart, "coldStart");
    if (recommendThreads < 0) {
      throw new IllegalArgumentException(
          "recommendThreads must be >= 0 (0 = one per core), got " + recommendThreads);
    }
  }

  /** The runtime part of a configuration. */
  public static RuntimeOptions of(TrainingConfig config) {
    return new RuntimeOptions(
        config.device(), config.threads(), config.coldStart(), config.get(Keys.RECOMMEND_THREADS));
  }
}
