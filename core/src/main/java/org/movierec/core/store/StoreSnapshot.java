package org.movierec.core.store;

import java.time.Instant;
import java.util.Objects;
import org.movierec.core.data.RatingDataset;

/**
 * All of a store's ratings as they stood at one instant, read in one transaction: what a model is
 * trained on. Ratings written while it was read are either wholly in it or wholly absent.
 *
 * @param ratings the ratings with the store's movie catalog and rating scale
 * @param takenAt when the read transaction began
 * @param location where the store is, with any password masked
 */
public record StoreSnapshot(RatingDataset ratings, Instant takenAt, String location) {

  /** Rejects missing parts. */
  public StoreSnapshot {
    Objects.requireNonNull(ratings, "ratings");
    Objects.requireNonNull(takenAt, "takenAt");
    Objects.requireNonNull(location, "location");
  }
}
