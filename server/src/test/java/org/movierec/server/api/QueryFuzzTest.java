package org.movierec.server.api;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes the query parsers: the list options ({@code top}, {@code exclude}, {@code genre}, {@code
 * min_ratings}) against a model, paging ({@code offset}, {@code limit}), the title search and path
 * ids, over queries whose names come mostly from the known ones and whose values are arbitrary.
 */
class QueryFuzzTest {

  private static final String[] NAMES = {
    "top", "exclude", "genre", "min_ratings", "offset", "limit", "query"
  };

  @Timeout(30)
  @FuzzTest(maxDuration = "10s")
  void parse_arbitraryQuery_parsesOrRefuses(FuzzedDataProvider data) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    int parameters = data.consumeInt(0, 6);
    for (int i = 0; i < parameters; i++) {
      String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(20);
      query.computeIfAbsent(name, unused -> new ArrayList<>()).add(data.consumeString(200));
    }
    String pathText = data.consumeRemainingAsString();
    Set<String> known = new HashSet<>(ListRequests.OPTIONS);
    known.addAll(List.of("offset", "limit", "query"));
    HttpSurfaceFuzzing.parsesOrRefuses(() -> Params.allowOnly(query, known));
    HttpSurfaceFuzzing.parsesOrRefuses(
        () ->
            ListRequests.fromQuery(
                query, HttpSurfaceFuzzing.model(), HttpSurfaceFuzzing.catalog()));
    HttpSurfaceFuzzing.parsesOrRefuses(
        () -> {
          int offset = Params.queryInt(query, "offset", 0, 0, Integer.MAX_VALUE, "");
          int limit = Params.queryInt(query, "limit", 100, 1, 1000, "");
          if (offset < 0 || limit < 1 || limit > 1000) {
            throw new AssertionError("offset " + offset + ", limit " + limit);
          }
        });
    HttpSurfaceFuzzing.parsesOrRefuses(
        () -> {
          String text = Params.queryText(query, "query", 200);
          if (text != null && (text.isBlank() || text.length() > 200)) {
            throw new AssertionError("search text '" + text + "'");
          }
        });
    HttpSurfaceFuzzing.parsesOrRefuses(() -> Params.pathId("user", pathText));
  }
}
