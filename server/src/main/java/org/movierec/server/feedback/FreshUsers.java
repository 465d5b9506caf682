package org.movierec.server.feedback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.movierec.core.model.FoldedUser;
import org.movierec.core.model.Model;
import org.movierec.core.model.MovieRating;
import org.movierec.core.store.RatingStore;
import org.movierec.core.store.StoredRating;
import org.movierec.server.model.ServedModel;

/**
 * Answers, for each user, whether the served model should answer for them as trained or as a folded
 * user refit from their full stored history ({@link Model#foldIn}). A user is refit when this
 * server wrote or deleted one of their ratings after the served model's training snapshot was
 * taken, when the movies they rated in the store differ from those the model trained on (a rating
 * written by another server or before a restart), or when the store forgot them: they are then the
 * model's average new user, never their trained self. Decisions are cached per user and model load,
 * and a write makes the cached one stale at once.
 */
public final class FreshUsers {

  /** Past this many cached users the cache starts again empty; a decision is cheap to redo. */
  static final int MAX_CACHED = 200_000;

  /** A decision for one user under one model load and one write version. */
  private record Entry(long generation, long version, FoldedUser folded) {}

  private final RatingStore store;
  private final AtomicLong writes = new AtomicLong();
  private final Map<Integer, Long> lastWrite = new ConcurrentHashMap<>();
  private final Map<Integer, Entry> cache = new ConcurrentHashMap<>();
  private volatile long markedGeneration = -1;
  private volatile long mark;

  FreshUsers(RatingStore store) {
    this.store = store;
  }

  /**
   * The folded user to answer with, refit from the store, or empty when the model's trained user
   * (or its cold-start fallback for a user with no ratings anywhere) is up to date.
   */
  public Optional<FoldedUser> of(int rawUserId, ServedModel served) {
    long version = lastWrite.getOrDefault(rawUserId, 0L);
    Entry entry = cache.get(rawUserId);
    if (entry != null && entry.generation() == served.generation() && entry.version() == version) {
      return Optional.ofNullable(entry.folded());
    }
    FoldedUser folded = decide(rawUserId, served, version);
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(rawUserId, new Entry(served.generation(), version, folded));
    return Optional.ofNullable(folded);
  }

  /** Records that ratings of the user were written or deleted and have committed. */
  public void changed(int rawUserId, int ratings) {
    lastWrite.put(rawUserId, writes.addAndGet(Math.max(1, ratings)));
    cache.remove(rawUserId);
  }

  /**
   * How many ratings this server has written or deleted; take it just before a training snapshot.
   */
  public long writeMark() {
    return writes.get();
  }

  /**
   * Records that the model of this load was trained on a snapshot taken after {@code mark} writes,
   * so that users whose last write came before it are answered as the model trained them.
   */
  public void trainedAfter(long generation, long writeMark) {
    this.mark = writeMark;
    this.markedGeneration = generation;
    cache.clear();
  }

  private FoldedUser decide(int rawUserId, ServedModel served, long version) {
    Model model = served.model();
    List<StoredRating> stored = store.userRatings(rawUserId);
    long modelMark = served.generation() == markedGeneration ? mark : 0;
    boolean writtenSince = version > modelMark;
    if (stored.isEmpty()) {
      // A store that never held this user (one imported from part of the data, or a new one)
      // leaves the model's answer; one that forgot them must not.
      if (!writtenSince && !store.isForgotten(rawUserId)) {
        return null;
      }
    } else if (!writtenSince && sameMovies(stored, model, rawUserId)) {
      return null;
    }
    List<MovieRating> ratings = new ArrayList<>(stored.size());
    for (StoredRating rating : stored) {
      ratings.add(new MovieRating(rating.rawMovieId(), rating.rating()));
    }
    return model.foldIn(ratings);
  }

  /** Tells whether the store's movies of a user the model knows are those it trained on. */
  private static boolean sameMovies(List<StoredRating> stored, Model model, int rawUserId) {
    int[] trained = model.ratedMovies(rawUserId);
    int matched = 0;
    for (StoredRating rating : stored) {
      if (!model.knowsMovie(rating.rawMovieId())) {
        continue;
      }
      // Both lists ascend by movie id.
      if (matched >= trained.length || trained[matched] != rating.rawMovieId()) {
        return false;
      }
      matched++;
    }
    return matched == trained.length;
  }
}
