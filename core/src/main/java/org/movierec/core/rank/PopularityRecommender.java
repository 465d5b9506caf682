package org.movierec.core.rank;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.movierec.core.data.IdIndex;
import org.movierec.core.data.RatingScale;
import org.movierec.core.model.CatalogRanking;
import org.movierec.core.model.Model;
import org.movierec.core.model.MoviePopularity;
import org.movierec.core.model.RecommendRequest;
import org.movierec.core.model.Recommendation;
import org.movierec.core.model.Recommender;

/**
 * The reference a trained model's lists are measured against: recommend what is popular in the
 * model's own training input, leaving out what each user rated there, under the same request rules
 * as the model. It needs no backend and no training. Two kinds:
 *
 * <ul>
 *   <li>{@link Kind#MOST_RATED}: by the number of training ratings;
 *   <li>{@link Kind#BEST_RATED}: by the mean training rating shrunk toward the global mean, the
 *       Bayesian average {@code (n * mean + m * globalMean) / (n + m)} with prior strength {@code
 *       m}: as if every movie had {@code m} more ratings at the global mean, so that a movie with
 *       two five-star ratings does not outrank one loved by hundreds.
 * </ul>
 *
 * <p>Each entry's score is what it is ranked by (a count, or the Bayesian average); its predicted
 * rating is the Bayesian average clipped to the scale ({@code NaN} when the model file carries no
 * mean ratings).
 */
public final class PopularityRecommender implements Recommender {

  /**
   * The default prior strength {@code m} of {@link Kind#BEST_RATED}: ten ratings at the global
   * mean. A movie's own mean outweighs the prior from its eleventh rating on; for scale, the median
   * movie of ml-100k's u1.base has 22 ratings (the range is 1 to 484), so the many barely rated
   * movies stay near the mean while the typical one mostly speaks for itself.
   */
  public static final double DEFAULT_PRIOR_RATINGS = 10;

  /** What a popularity list is ranked by. */
  public enum Kind {
    /** The number of training ratings. */
    MOST_RATED,
    /** The Bayesian average of the training ratings. */
    BEST_RATED
  }

  private final Model model;
  private final Kind kind;
  private final float[] scores;
  private final float[] shrunkMeans;

  private PopularityRecommender(Model model, Kind kind, double priorRatings) {
    this.model = Objects.requireNonNull(model, "model");
    this.kind = Objects.requireNonNull(kind, "kind");
    MoviePopularity popularity = model.popularity();
    int movies = popularity.movies().size();
    double globalMean = popularity.globalMean();
    shrunkMeans = new float[movies];
    scores = new float[movies];
    for (int movie = 0; movie < movies; movie++) {
      int count = popularity.countAt(movie);
      shrunkMeans[movie] =
          (float)
              ((count * (double) popularity.meanAt(movie) + priorRatings * globalMean)
                  / (count + priorRatings));
      scores[movie] = kind == Kind.MOST_RATED ? count : shrunkMeans[movie];
    }
  }

  /** Ranks a model's movies by their number of training ratings. */
  public static PopularityRecommender mostRated(Model model) {
    return new PopularityRecommender(model, Kind.MOST_RATED, DEFAULT_PRIOR_RATINGS);
  }

  /**
   * Ranks a model's movies by the Bayesian average of their training ratings.
   *
   * @param priorRatings the prior strength {@code m}, at least 0
   * @throws IllegalArgumentException when the prior is negative or the model file predates stored
   *     mean ratings
   */
  public static PopularityRecommender bestRated(Model model, double priorRatings) {
    if (!(priorRatings >= 0) || Double.isInfinite(priorRatings)) {
      throw new IllegalArgumentException(
          "the prior strength must be a finite number of ratings >= 0, got " + priorRatings);
    }
    if (!model.popularity().hasMeans()) {
      throw new IllegalArgumentException(
          "this model's file predates stored mean ratings, so it cannot rank by best rating;"
              + " retrain it with this version of movierec");
    }
    return new PopularityRecommender(model, Kind.BEST_RATED, priorRatings);
  }

  /** What this ranks by. */
  public Kind kind() {
    return kind;
  }

  @Override
  public IdIndex movies() {
    return model.movies();
  }

  @Override
  public List<Recommendation> recommend(int rawUserId, RecommendRequest request) {
    MoviePopularity popularity = model.popularity();
    int[] rated = model.ratedMovies(rawUserId);
    for (int i = 0; i < rated.length; i++) {
      rated[i] = popularity.movies().indexOf(rated[i]);
    }
    Arrays.sort(rated);
    RatingScale scale = model.scale();
    return List.copyOf(
        CatalogRanking.rank(
            scores,
            rated,
            popularity,
            request,
            (rawMovieId, score) ->
                new Recommendation(
                    rawMovieId,
                    score,
                    scale.clip(shrunkMeans[popularity.movies().indexOf(rawMovieId)]))));
  }
}
