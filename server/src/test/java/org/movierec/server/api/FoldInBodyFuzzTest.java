package org.movierec.server.api;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the body parser of {@code POST /v1/recommendations}: the bounded JSON parser, the ratings
 * and the list options checked against a model. A parse must end in a request within the limits or
 * a 4xx refusal; the timeout becomes Jazzer's per-input hang limit.
 */
class FoldInBodyFuzzTest {

  @Timeout(30)
  @FuzzTest(maxDuration = "10s")
  void parse_arbitraryBody_parsesWithinLimitsOrRefuses(byte[] body) {
    HttpSurfaceFuzzing.parsesOrRefuses(
        () -> {
          FoldInEndpoints.Parsed parsed = FoldInEndpoints.parse(body, HttpSurfaceFuzzing.JSON);
          int ratings = parsed.ratings().size();
          if (ratings < 1 || ratings > FoldInEndpoints.MAX_RATINGS) {
            throw new AssertionError(ratings + " ratings passed the parser");
          }
          ListRequests.fromBody(
              parsed.body(), HttpSurfaceFuzzing.model(), HttpSurfaceFuzzing.catalog());
        });
  }
}
