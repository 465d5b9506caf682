package org.movierec.core.model;

import java.util.List;
import org.movierec.core.data.RatingScale;

/**
 * The {@link FoldedUser} of a {@link ScoringModel}: the fitted parameters and the dense movies the
 * user rated, scored through the model's fold-in hooks.
 */
final class ScoringFoldedUser implements FoldedUser {

  private final ScoringModel model;
  private final List<MovieRating> ratings;
  private final int[] ratedDense;
  private final FoldInFit fit;

  /**
   * A folded-in user.
   *
   * @param ratedDense the dense movies among the ratings, ascending
   */
  ScoringFoldedUser(
      ScoringModel model, List<MovieRating> ratings, int[] ratedDense, FoldInFit fit) {
    this.model = model;
    this.ratings = List.copyOf(ratings);
    this.ratedDense = ratedDense;
    this.fit = fit;
  }

  @Override
  public List<MovieRating> ratings() {
    return ratings;
  }

  @Override
  public int fittedRatings() {
    return ratedDense.length;
  }

  /** What fold-in fitted. */
  FoldInFit fit() {
    return fit;
  }

  @Override
  public float[] predict(int[] rawMovieIds) {
    float[] result = new float[rawMovieIds.length];
    int[] known = new int[rawMovieIds.length];
    int[] positions = new int[rawMovieIds.length];
    int count = 0;
    RatingScale scale = model.scale();
    for (int i = 0; i < rawMovieIds.length; i++) {
      int movie = model.movies().indexOf(rawMovieIds[i]);
      if (movie >= 0) {
        known[count] = movie;
        positions[count++] = i;
      } else if (model.coldStartPolicy() == ColdStartPolicy.ERROR) {
        throw new UnknownIdException("movie", rawMovieIds[i]);
      } else {
        result[i] = scale.clip(model.state().biases().estimate(-1, -1) + fit.bias());
      }
    }
    float[] scores = new float[count];
    model.scoreFoldedIn(fit, known, count, scores);
    for (int i = 0; i < count; i++) {
      result[positions[i]] = scale.clip(scores[i]);
    }
    return result;
  }

  @Override
  public List<Recommendation> recommend(RecommendRequest request) {
    if (request.count() == 0) {
      return List.of();
    }
    float[] scores = new float[model.movies().size()];
    model.rankCatalog(fit, scores);
    return model.rank(
        scores,
        ratedDense,
        request,
        (movies, count, out) -> model.scoreFoldedIn(fit, movies, count, out));
  }

  @Override
  public float[] rankingScores(int[] rawMovieIds) {
    float[] catalog = new float[model.movies().size()];
    model.rankCatalog(fit, catalog);
    return model.pick(catalog, rawMovieIds);
  }
}
