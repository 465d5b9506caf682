package org.movierec.data.movielens;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.movierec.core.data.IdIndex;
import org.movierec.data.LineProblem;
import org.movierec.data.SkippedLine;

/**
 * One ratings file parsed and freed of repeated (user, movie) pairs, which fail the read or are
 * dropped, keeping the first, according to the bad-line policy.
 *
 * @param file the ratings file
 * @param columns the rows kept
 * @param needsHalfStars whether a rating off the whole-star grid was seen
 * @param lines the number of lines in the file
 */
record RatingsLoad(Path file, RatingColumns columns, boolean needsHalfStars, long lines) {

  /** Parses {@code file}, extending the given id maps, and handles repeated pairs. */
  static RatingsLoad of(Path file, LineRules rules, ProblemLog log, int parallelism, IdMaps ids)
      throws IOException {
    RatingsFileParser.Parsed parsed = RatingsFileParser.parse(file, rules, log, parallelism, ids);
    RatingColumns columns = parsed.columns();
    int[] repeated =
        DuplicatePairs.find(columns.users, columns.movies, ids.users().size(), ids.movies().size());
    if (repeated.length > 0) {
      Map<Long, PairLines> wanted =
          pairsOf(columns, repeated, log.failsFast() ? 1 : ProblemLog.MAX_EXAMPLES, ids);
      RatingsFileParser.locate(file, rules, wanted);
      int reported = 0;
      for (Map.Entry<Long, PairLines> entry : wanted.entrySet()) {
        PairLines lines = entry.getValue();
        log.report(
            new SkippedLine(
                file,
                lines.secondLine(),
                LineProblem.DUPLICATE_PAIR,
                describe(entry.getKey(), "on line " + lines.firstLine()),
                lines.secondText()));
        reported++;
      }
      log.count(LineProblem.DUPLICATE_PAIR, repeated.length - reported);
      columns.remove(repeated);
    }
    return new RatingsLoad(file, columns, parsed.needsHalfStars(), parsed.lines());
  }

  /**
   * Keys {@code rawUser << 32 | rawMovie} of the first {@code limit} distinct pairs of the given
   * rows, each with an empty {@link PairLines}.
   */
  static Map<Long, PairLines> pairsOf(RatingColumns columns, int[] rows, int limit, IdMaps ids) {
    IdIndex userIds = ids.users().freeze();
    IdIndex movieIds = ids.movies().freeze();
    Map<Long, PairLines> wanted = new LinkedHashMap<>();
    for (int i = 0; i < rows.length && wanted.size() < limit; i++) {
      long user = userIds.rawId(columns.users[rows[i]]);
      long movie = movieIds.rawId(columns.movies[rows[i]]);
      wanted.putIfAbsent(user << 32 | movie, new PairLines());
    }
    return wanted;
  }

  /** A sentence saying which user rated which movie again, and where first. */
  static String describe(long key, String where) {
    return "user " + (key >>> 32) + " already rated movie " + (int) key + " " + where;
  }

  /** The number of rows kept. */
  int size() {
    return columns.size();
  }
}
