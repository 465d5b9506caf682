package org.movierec.server.feedback;

import java.time.Duration;
import java.util.Objects;

/**
 * When the server retrains in the background and whether it swaps in a candidate that is worse.
 *
 * @param every how often to retrain; {@link Duration#ZERO} for never on a timer
 * @param afterRatings retrain once this many ratings were written or deleted since the last cycle;
 *     0 for never on a count
 * @param force swap in a candidate even when it is worse on the hold-out (the reason is logged)
 * @param seed the seed of the hold-out split and of training
 */
public record RetrainPolicy(Duration every, int afterRatings, boolean force, long seed) {

  /** Checks the values. */
  public RetrainPolicy {
    Objects.requireNonNull(every, "every");
    if (every.isNegative()) {
      throw new IllegalArgumentException("retrain interval must be >= 0, got " + every);
    }
    if (afterRatings < 0) {
      throw new IllegalArgumentException("retrain count must be >= 0, got " + afterRatings);
    }
  }

  /** Only on request ({@code POST /admin/retrain}), never on a timer or a count. */
  public static RetrainPolicy onRequest() {
    return new RetrainPolicy(Duration.ZERO, 0, false, 1);
  }

  /** Tells whether a timer or a count starts cycles by themselves. */
  public boolean scheduled() {
    return !every.isZero() || afterRatings > 0;
  }
}
