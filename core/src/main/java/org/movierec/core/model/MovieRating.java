package org.movierec.core.model;

/**
 * One movie rated by a user the model never trained on, the input of {@link Model#foldIn}.
 *
 * @param rawMovieId the movie's id in the ratings files
 * @param rating the stars given, on the model's rating scale
 */
public record MovieRating(int rawMovieId, float rating) {

  /** Refuses a rating that is not a number. */
  public MovieRating {
    if (!Float.isFinite(rating)) {
      throw new IllegalArgumentException("rating of movie " + rawMovieId + " is " + rating);
    }
  }
}
