package org.movierec.core.model;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.movierec.core.config.Keys;
import org.movierec.core.data.IdIndex;
import org.movierec.core.data.RatingScale;

/**
 * A new user's ratings checked and mapped to a model's dense movie indices, for {@link
 * ScoringModel#foldIn}.
 *
 * @param denseMovies the dense index of every rated movie the model knows, in the given order
 * @param ratings their ratings
 * @param sortedDenseMovies the same movies, ascending
 */
record FoldInInput(int[] denseMovies, float[] ratings, int[] sortedDenseMovies) {

  /**
   * Checks ratings against a model's scale and maps the known movies.
   *
   * @throws IllegalArgumentException naming the movie when it is rated twice or off the scale
   */
  static FoldInInput of(List<MovieRating> given, IdIndex movies, RatingScale scale) {
    Set<Integer> seen = new HashSet<>();
    int[] dense = new int[given.size()];
    float[] values = new float[given.size()];
    int count = 0;
    for (MovieRating rating : given) {
      if (!seen.add(rating.rawMovieId())) {
        throw new IllegalArgumentException(
            "movie " + rating.rawMovieId() + " is rated twice; give each movie one rating");
      }
      if (rating.rating() < scale.min() || rating.rating() > scale.max()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "rating %s of movie %d is outside the model's scale %s..%s",
                rating.rating(),
                rating.rawMovieId(),
                scale.min(),
                scale.max()));
      }
      int movie = movies.indexOf(rating.rawMovieId());
      if (movie >= 0) {
        dense[count] = movie;
        values[count++] = rating.rating();
      }
    }
    int[] known = Arrays.copyOf(dense, count);
    int[] sorted = known.clone();
    Arrays.sort(sorted);
    return new FoldInInput(known, Arrays.copyOf(values, count), sorted);
  }

  /**
   * The regularization of user biases the model was trained with ({@code bias_reg_user} in its
   * recorded configuration), or the key's default for a model file that does not record it.
   */
  static double userRegularization(ModelInfo info) {
    String recorded = info.config().get(Keys.BIAS_REG_USER.name());
    return recorded == null
        ? Keys.BIAS_REG_USER.defaultValue()
        : Keys.BIAS_REG_USER.parse(recorded);
  }
}
