package org.movierec.core.model;

import java.util.List;
import org.movierec.core.data.IdIndex;
import org.movierec.core.data.RatingScale;

/**
 * How a {@link ScoringModel} turns one user's scored catalog into a list and answers {@link
 * Model#rankingScores}: the order comes from the ranking scores, the predicted ratings from the
 * rating estimate, computed for the listed movies alone when the two differ.
 */
final class RankedLists {

  private RankedLists() {}

  /** Rating estimates of one user for some dense movies, before clipping. */
  @FunctionalInterface
  interface Estimates {
    /** Fills {@code out[0..count)} with the estimates of {@code denseMovies[0..count)}. */
    void score(int[] denseMovies, int count, float[] out);
  }

  /**
   * Ranks a catalog scored for one user, best first by {@code scores}.
   *
   * @param estimates the user's rating estimates, for a model whose ranking score is not its
   *     estimate; {@code null} when the scores are the estimate, so each entry's predicted rating
   *     is its score clipped
   * @param ratedDense the dense movies the user rated, ascending; never listed
   */
  static List<Recommendation> rank(
      TrainedState state,
      Estimates estimates,
      float[] scores,
      int[] ratedDense,
      RecommendRequest request) {
    RatingScale scale = state.scale();
    List<Recommendation> byScore =
        CatalogRanking.rank(
            scores,
            ratedDense,
            state.popularity(),
            request,
            (rawMovieId, score) -> new Recommendation(rawMovieId, score, scale.clip(score)));
    if (estimates == null || byScore.isEmpty()) {
      return List.copyOf(byScore);
    }
    int count = byScore.size();
    int[] movies = new int[count];
    for (int i = 0; i < count; i++) {
      movies[i] = state.movies().indexOf(byScore.get(i).rawMovieId());
    }
    float[] estimated = new float[count];
    estimates.score(movies, count, estimated);
    Recommendation[] list = new Recommendation[count];
    for (int i = 0; i < count; i++) {
      Recommendation entry = byScore.get(i);
      list[i] = new Recommendation(entry.rawMovieId(), entry.score(), scale.clip(estimated[i]));
    }
    return List.of(list);
  }

  /**
   * Picks raw movies' scores out of a scored catalog; a movie the model does not know scores
   * negative infinity, since no list holds it, or fails under {@link ColdStartPolicy#ERROR}.
   */
  static float[] pick(IdIndex movies, ColdStartPolicy policy, float[] catalog, int[] rawMovieIds) {
    float[] result = new float[rawMovieIds.length];
    for (int i = 0; i < rawMovieIds.length; i++) {
      int movie = movies.indexOf(rawMovieIds[i]);
      if (movie >= 0) {
        result[i] = catalog[movie];
      } else if (policy == ColdStartPolicy.ERROR) {
        throw new UnknownIdException("movie", rawMovieIds[i]);
      } else {
        result[i] = Float.NEGATIVE_INFINITY;
      }
    }
    return result;
  }
}
