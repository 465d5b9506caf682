package org.movierec.core.pair;

import java.util.List;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.MovieRating;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;

/**
 * A new user folded into both models of a {@link PairedModel}: the ranking model's fit orders their
 * lists, the rating model's predicts their ratings.
 */
final class PairedFoldedUser implements FoldedUser {

  private final FoldedUser ranking;
  private final FoldedUser rating;

  PairedFoldedUser(FoldedUser ranking, FoldedUser rating) {
    this.ranking = ranking;
    this.rating = rating;
  }

  @Override
  public List<MovieRating> ratings() {
    return ranking.ratings();
  }

  /** The ratings that informed the fits; both models know the same movies. */
  @Override
  public int fittedRatings() {
    return ranking.fittedRatings();
  }

  @Override
  public float[] predict(int[] rawMovieIds) {
    return rating.predict(rawMovieIds);
  }

  @Override
  public float[] rankingScores(int[] rawMovieIds) {
    return ranking.rankingScores(rawMovieIds);
  }

  @Override
  public List<Recommendation> recommend(RecommendRequest request) {
    List<Recommendation> list = ranking.recommend(request);
    return PairedModel.withRatings(list, rating.predict(PairedModel.rawMovieIds(list)));
  }
}
