package org.movierec.app.cli;

import org.movierec.core.store.RatingStore;
import org.movierec.core.store.RatingStores;

/** Opens the ratings store a {@code --store} value names, with the kinds on the class path. */
final class Stores {

  /** What every {@code --store} option says it takes. */
  static final String DESCRIPTION =
      "a ratings store: a SQLite file such as ratings.db (created on demand) or"
          + " jdbc:postgresql://HOST:PORT/DB?user=U&password=P";

  private Stores() {}

  /**
   * The store at a location, its schema migrated to this build's version.
   *
   * @throws org.movierec.core.store.StoreException naming the location and what to do
   */
  static RatingStore open(String location) {
    return RatingStores.discover().open(location);
  }
}
