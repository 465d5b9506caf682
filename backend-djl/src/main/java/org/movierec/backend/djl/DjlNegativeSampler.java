package org.movierec.backend.djl;

import java.util.SplittableRandom;
import org.movierec.core.model.RatedItems;
import org.movierec.core.training.NegativeSampling;

/**
 * Draws, for a user, movies they did not rate: the negatives of the ranking objectives. A draw is
 * rejected and drawn again when the user rated the movie (a binary search in their sorted list), so
 * it costs a few lookups, never a pass over the catalog; a user who rated nearly every movie (or,
 * under popularity sampling, every popular one) falls back after {@link #TRIES} rejections to an
 * exact uniform draw among their unrated movies, a walk over their own ratings. A draw never
 * returns a rated movie. Immutable, so any thread may draw with its own random source.
 */
final class DjlNegativeSampler {

  /** Rejected draws before the exact fallback. */
  static final int TRIES = 32;

  private final RatedItems rated;
  private final int movies;
  private final NegativeSampling kind;

  /** Under popularity sampling, the running sum of the movies' rating counts; else null. */
  private final long[] cumulative;

  /**
   * A sampler over the movies {@code 0..movies-1}.
   *
   * @param rated what each user rated: never drawn for them, and under popularity sampling the
   *     counts that weight each movie
   */
  DjlNegativeSampler(RatedItems rated, int movies, NegativeSampling kind) {
    this.rated = rated;
    this.movies = movies;
    this.kind = kind;
    if (kind == NegativeSampling.POPULARITY) {
      int[] counts = rated.movieCounts(movies);
      cumulative = new long[movies];
      long sum = 0;
      for (int movie = 0; movie < movies; movie++) {
        sum += counts[movie];
        cumulative[movie] = sum;
      }
    } else {
      cumulative = null;
    }
  }

  /** The number of movies the user did not rate, that is, the negatives there are to draw. */
  int unrated(int user) {
    return movies - rated.count(user);
  }

  /**
   * One movie the user did not rate.
   *
   * @throws IllegalStateException when the user rated every movie
   */
  int draw(int user, SplittableRandom random) {
    for (int attempt = 0; attempt < TRIES; attempt++) {
      int movie = kind == NegativeSampling.POPULARITY ? popular(random) : random.nextInt(movies);
      if (!rated.contains(user, movie)) {
        return movie;
      }
    }
    return exactUnrated(user, random);
  }

  private int popular(SplittableRandom random) {
    long total = cumulative[movies - 1];
    if (total == 0) {
      return random.nextInt(movies);
    }
    long target = random.nextLong(total);
    // The first movie whose running sum exceeds the target.
    int low = 0;
    int high = movies - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulative[middle] > target) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  /** A uniform draw among the user's unrated movies, by walking past their sorted ratings. */
  private int exactUnrated(int user, SplittableRandom random) {
    int free = unrated(user);
    if (free <= 0) {
      throw new IllegalStateException("user " + user + " rated every movie: no negative to draw");
    }
    int rank = random.nextInt(free);
    int candidate = rank;
    for (int movie : rated.moviesOf(user)) {
      if (movie <= candidate) {
        candidate++;
      } else {
        break;
      }
    }
    return candidate;
  }
}
