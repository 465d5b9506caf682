package org.movierec.data.movielens;

import org.movierec.core.data.GrowingIdMap;

/**
 * The user and movie id maps one read fills; a training file and its test file share one pair, so
 * their dense ids agree.
 */
record IdMaps(GrowingIdMap users, GrowingIdMap movies) {

  /** A pair of empty maps. */
  static IdMaps fresh() {
    return new IdMaps(new GrowingIdMap(), new GrowingIdMap());
  }
}
