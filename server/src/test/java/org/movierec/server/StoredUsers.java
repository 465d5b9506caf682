package org.movierec.server;

import java.util.ArrayList;
import java.util.List;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.store.RatingStore;
import org.movierec.core.store.RatingStores;
import org.movierec.core.store.StoredRating;

/** Opens real ratings stores holding the test data, as {@code movierec import} would leave them. */
final class StoredUsers {

  private StoredUsers() {}

  /** The store at a location with every rating and movie of {@link TestModels#data()}. */
  static RatingStore imported(String location) {
    RatingStore store = RatingStores.discover().open(location);
    RatingDataset data = TestModels.data();
    store.requireScale(data.scale());
    store.putMovies(data.catalog().movies());
    List<StoredRating> ratings = new ArrayList<>();
    for (int row = 0; row < data.size(); row++) {
      ratings.add(
          new StoredRating(
              data.rawUserId(row), data.rawMovieId(row), data.rating(row), data.timestamp(row)));
    }
    store.append(ratings);
    return store;
  }
}
