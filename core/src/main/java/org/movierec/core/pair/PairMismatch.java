package org.movierec.core.pair;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.movierec.core.data.IdIndex;
import org.movierec.core.model.Model;

/**
 * What shows that two models did not learn from the same ratings, so they cannot answer as one
 * {@link PairedModel}: different users, movies or rating scales, each said with both sources.
 */
final class PairMismatch {

  private static final int EXAMPLES = 3;

  private PairMismatch() {}

  /** Every difference in what the two models learned from, empty when there is none. */
  static List<String> between(
      Model ranking, String rankingSource, Model rating, String ratingSource) {
    List<String> problems = new ArrayList<>();
    ids("users", ranking.users(), rankingSource, rating.users(), ratingSource, problems);
    ids("movies", ranking.movies(), rankingSource, rating.movies(), ratingSource, problems);
    if (!ranking.scale().equals(rating.scale())) {
      problems.add(
          rankingSource
              + " rates on the scale "
              + ranking.scale()
              + ", "
              + ratingSource
              + " on "
              + rating.scale());
    }
    return problems;
  }

  private static void ids(
      String kind,
      IdIndex ranking,
      String rankingSource,
      IdIndex rating,
      String ratingSource,
      List<String> problems) {
    if (ranking.equals(rating)) {
      return;
    }
    if (ranking.size() != rating.size()) {
      problems.add(
          String.format(
              Locale.ROOT,
              "%s knows %,d %s, %s %,d",
              rankingSource,
              ranking.size(),
              kind,
              ratingSource,
              rating.size()));
      return;
    }
    int[] onlyRanking = missingFrom(ranking, rating);
    int[] onlyRating = missingFrom(rating, ranking);
    problems.add(
        String.format(
            Locale.ROOT,
            "%s and %s both know %,d %s, but not the same ones (%,d only in %s, such as %s; %,d only"
                + " in %s, such as %s)",
            rankingSource,
            ratingSource,
            ranking.size(),
            kind,
            onlyRanking.length,
            rankingSource,
            examples(onlyRanking),
            onlyRating.length,
            ratingSource,
            examples(onlyRating)));
  }

  /** The raw ids of {@code ids} that {@code other} lacks, ascending. */
  private static int[] missingFrom(IdIndex ids, IdIndex other) {
    return Arrays.stream(ids.rawIds()).filter(id -> !other.contains(id)).sorted().toArray();
  }

  private static String examples(int[] ids) {
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < Math.min(EXAMPLES, ids.length); i++) {
      shown.append(i == 0 ? "" : ", ").append(ids[i]);
    }
    return shown.toString();
  }
}
