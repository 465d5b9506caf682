package org.movierec.core.spi;

import java.util.Objects;
import org.movierec.core.config.DeviceRequest;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.model.ColdStartPolicy;

/**
 * How a loaded model should run: where, with how many threads, and what to do with unknown ids.
 *
 * @param device the requested device
 * @param threads compute threads, 0 for one per core
 * @param coldStart the cold-start policy
 */
public record RuntimeOptions(DeviceRequest device, int threads, ColdStartPolicy coldStart) {

  /** Rejects missing parts. */
  public RuntimeOptions {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(coldStart, "coldStart");
  }

  /** The runtime part of a configuration. */
  public static RuntimeOptions of(TrainingConfig config) {
    return new RuntimeOptions(config.device(), config.threads(), config.coldStart());
  }
}
