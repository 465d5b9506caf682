package org.movierec.core.model;

import java.util.List;
import org.movierec.core.rank.TopN;

/**
 * The candidate rules every recommender shares, over a catalog scored for one user: leave out the
 * user's training movies and whatever the request does not admit, and keep the best by raw score
 * with {@link TopN}. Memory follows the catalog, never the requested count.
 */
public final class CatalogRanking {

  private CatalogRanking() {}

  /**
   * Ranks a scored catalog for one user.
   *
   * @param scores the raw score of every movie, by the dense index of {@code popularity.movies()}
   * @param ratedDense the dense movies the user rated in training, ascending; never listed
   * @param popularity training-rating counts for the popularity floor, and the raw ids
   * @param request the count, exclusions and filter
   * @param mapper turns a kept raw movie id and its score into a list entry
   * @return the entries, best first
   */
  public static <T> List<T> rank(
      float[] scores,
      int[] ratedDense,
      MoviePopularity popularity,
      RecommendRequest request,
      TopN.EntryMapper<T> mapper) {
    int movieCount = popularity.movies().size();
    if (scores.length != movieCount) {
      throw new IllegalArgumentException(
          scores.length + " scores for a catalog of " + movieCount + " movies");
    }
    TopN best = TopN.bounded(request.count(), movieCount);
    if (best.capacity() == 0) {
      return List.of();
    }
    int nextRated = 0;
    for (int movie = 0; movie < movieCount; movie++) {
      if (nextRated < ratedDense.length && ratedDense[nextRated] == movie) {
        nextRated++;
        continue;
      }
      if (!best.mightKeep(scores[movie])) {
        continue;
      }
      int rawId = popularity.movies().rawId(movie);
      if (request.admits(rawId, popularity.countAt(movie))) {
        best.offer(rawId, scores[movie]);
      }
    }
    return best.toList(mapper);
  }
}
