package org.movierec.core.testbackend;

import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.FoldInFit;
import org.movierec.core.model.MoviePopularity;
import org.movierec.core.model.RankingScore;
import org.movierec.core.model.TrainedState;

/**
 * A bias-estimate model that ranks by a score of its own, not by its estimate: the movie's number
 * of training ratings plus the user's count of rated movies that share its parity of dense index,
 * so that the order differs from the estimate's, depends on the user, and follows fold-in.
 */
public class RankedMeanBiasTestModel extends MeanBiasTestModel {

  /** What the lists are ordered by. */
  static final RankingScore SCORE =
      new RankingScore("count_test", "training ratings of the movie plus a per-user parity count");

  /** A model over a trained state. */
  public RankedMeanBiasTestModel(TrainedState state, ColdStartPolicy policy) {
    super(state, policy);
  }

  @Override
  public RankingScore rankingScore() {
    return SCORE;
  }

  @Override
  protected void rankCatalog(int denseUser, float[] out) {
    fill(state().rated().moviesOf(denseUser), out);
  }

  @Override
  protected void rankCatalog(FoldInFit user, float[] out) {
    fill(user.ratedMovies(), out);
  }

  private void fill(int[] ratedDense, float[] out) {
    int even = 0;
    for (int movie : ratedDense) {
      even += movie % 2 == 0 ? 1 : 0;
    }
    int odd = ratedDense.length - even;
    MoviePopularity popularity = state().popularity();
    for (int movie = 0; movie < out.length; movie++) {
      out[movie] = popularity.countAt(movie) + (movie % 2 == 0 ? even : odd);
    }
  }
}
