package org.movierec.app.evaluation;

import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.data.RatingsBuilder;
import org.movierec.core.model.Model;
import org.movierec.core.model.MoviePopularity;

/**
 * The training input of a saved model as far as its file keeps it: who rated which movie, each pair
 * rated with the movie's mean training rating (the top of the scale for files without means).
 * Item-kNN and EASE rank from who rated what alone, so references trained on it rank exactly as
 * they would on the model's own training ratings; only their rating estimates would differ.
 */
public final class WhoRatedWhat {

  private WhoRatedWhat() {}

  /** The who-rated-what matrix of the model's training input, as ratings. */
  public static RatingDataset of(Model model) {
    MoviePopularity popularity = model.popularity();
    RatingsBuilder builder = new RatingsBuilder(model.scale());
    float scaleTop = model.scale().max();
    for (int rawUser : model.users().rawIds()) {
      for (int rawMovie : model.ratedMovies(rawUser)) {
        int movie = model.movies().indexOf(rawMovie);
        float rating =
            popularity.hasMeans() ? onScale(model.scale(), popularity.meanAt(movie)) : scaleTop;
        builder.add(rawUser, rawMovie, rating, 0);
      }
    }
    return builder.build();
  }

  /** The allowed rating nearest to {@code value}. */
  private static float onScale(RatingScale scale, float value) {
    float clipped = scale.clip(value);
    if (scale.step() == 0) {
      return clipped;
    }
    return scale.clip(
        scale.min() + scale.step() * Math.round((clipped - scale.min()) / scale.step()));
  }
}
