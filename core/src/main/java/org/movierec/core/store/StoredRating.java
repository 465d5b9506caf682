package org.movierec.core.store;

/**
 * One rating as a store keeps it: at most one per user and movie, a later one replacing it.
 *
 * @param rawUserId the user's id
 * @param rawMovieId the movie's id
 * @param rating the stars given
 * @param epochSeconds when it was given, in seconds since 1970-01-01 UTC, 0 to 2^32-1
 */
public record StoredRating(int rawUserId, int rawMovieId, float rating, long epochSeconds) {

  /** Refuses a rating that is not a number and a time the datasets cannot hold. */
  public StoredRating {
    if (!Float.isFinite(rating)) {
      throw new IllegalArgumentException(
          "rating of user " + rawUserId + " for movie " + rawMovieId + " is " + rating);
    }
    if (epochSeconds < 0 || epochSeconds > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(
          "time "
              + epochSeconds
              + " of user "
              + rawUserId
              + "'s rating of movie "
              + rawMovieId
              + " is outside 1970..2106 in seconds");
    }
  }
}
