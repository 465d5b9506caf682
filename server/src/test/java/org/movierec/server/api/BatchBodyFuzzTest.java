package org.movierec.server.api;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the body parser of {@code POST /v1/ratings:predict} with a cap of 50 pairs: it must yield
 * as many users as movies, within the cap, or a 4xx refusal.
 */
class BatchBodyFuzzTest {

  private static final int MAX_PAIRS = 50;

  @Timeout(30)
  @FuzzTest(maxDuration = "10s")
  void parse_arbitraryBody_parsesWithinTheCapOrRefuses(byte[] body) {
    HttpSurfaceFuzzing.parsesOrRefuses(
        () -> {
          PredictionEndpoints.Parsed parsed =
              PredictionEndpoints.parse(body, HttpSurfaceFuzzing.JSON, MAX_PAIRS);
          if (parsed.users().length != parsed.movies().length
              || parsed.users().length < 1
              || parsed.users().length > MAX_PAIRS) {
            throw new AssertionError(
                parsed.users().length + " users and " + parsed.movies().length + " movies");
          }
        });
  }
}
