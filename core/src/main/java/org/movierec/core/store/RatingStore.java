package org.movierec.core.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.data.MovieInfo;
import org.movierec.core.data.RatingScale;

/**
 * Where ratings are kept durably: one rating per user and movie, a later one replacing it. Every
 * write returns only after its transaction has committed, so a write that returned survives a crash
 * of the process. Implementations are safe to use from many threads at once; close the store to
 * release its connections.
 */
public interface RatingStore extends AutoCloseable {

  /** Where the store is, e.g. {@code jdbc:sqlite:ratings.db}, with any password masked. */
  String location();

  /** The scale the store's ratings are on, once the first import or write has set it. */
  Optional<RatingScale> scale();

  /**
   * Sets the store's rating scale when it has none yet, or checks that it is this one.
   *
   * @throws StoreException when the store holds ratings on another scale
   */
  void requireScale(RatingScale scale);

  /**
   * Writes ratings in one transaction, replacing a user's earlier rating of the same movie; all or
   * none are written. A forgotten user who rates again is no longer forgotten. Returns after the
   * transaction has committed.
   *
   * @return the number of ratings written
   * @throws StoreException when the write failed; nothing of it was written
   * @throws IllegalArgumentException when a rating is off the store's scale or no scale is set
   */
  int append(List<StoredRating> ratings);

  /**
   * Deletes one rating.
   *
   * @return whether there was such a rating
   */
  boolean deleteRating(int rawUserId, int rawMovieId);

  /**
   * Deletes every rating of a user and records that they were forgotten, in one transaction; a
   * later rating of theirs ends that record.
   *
   * @return how many ratings were deleted
   */
  int deleteUser(int rawUserId);

  /**
   * Tells whether a user's data was deleted ({@link #deleteUser}) and they have not rated since, so
   * that nothing learned from them before may answer for them.
   */
  boolean isForgotten(int rawUserId);

  /** A user's ratings, by movie id; empty for a user with none. */
  List<StoredRating> userRatings(int rawUserId);

  /** The number of ratings held. */
  long size();

  /** Adds or replaces movies' titles, years and genres, in one transaction. */
  void putMovies(Collection<MovieInfo> movies);

  /** The titles, years and genres of the movies it knows, by movie id. */
  MovieCatalog catalog();

  /**
   * Every rating as of one instant, read in one transaction, with the catalog and scale.
   *
   * @throws StoreException when the store has no rating scale yet (nothing was ever written)
   */
  StoreSnapshot snapshot();

  /** Closes the store's connections; calls afterwards fail. */
  @Override
  void close();
}
