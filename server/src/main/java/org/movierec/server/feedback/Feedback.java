package org.movierec.server.feedback;

import java.util.Objects;
import java.util.Optional;
import org.movierec.core.store.RatingStore;

/**
 * What the server writes ratings into and who may write: the ratings store (absent when the server
 * serves a fixed model only), the users refit from it, and the write token.
 */
public final class Feedback {

  private static final Feedback NONE = new Feedback(null, Optional.empty());

  private final RatingStore store;
  private final FreshUsers fresh;
  private final Optional<String> writeToken;

  private Feedback(RatingStore store, Optional<String> writeToken) {
    this.store = store;
    this.fresh = store == null ? null : new FreshUsers(store);
    this.writeToken = Objects.requireNonNull(writeToken, "writeToken");
  }

  /** No store: the write endpoints answer that the server takes no ratings. */
  public static Feedback none() {
    return NONE;
  }

  /**
   * Writes into this store, guarded by the token when one is given.
   *
   * @param writeToken the bearer token writes need, or empty for none
   */
  public static Feedback of(RatingStore store, Optional<String> writeToken) {
    writeToken.ifPresent(
        token -> {
          if (token.isEmpty()) {
            throw new IllegalArgumentException("the write token is empty; leave it out instead");
          }
        });
    return new Feedback(Objects.requireNonNull(store, "store"), writeToken);
  }

  /** Tells whether a store is attached, so that ratings can be written. */
  public boolean enabled() {
    return store != null;
  }

  /**
   * The store.
   *
   * @throws IllegalStateException when none is attached
   */
  public RatingStore store() {
    if (store == null) {
      throw new IllegalStateException("the server runs without a ratings store");
    }
    return store;
  }

  /**
   * The users refit from the store.
   *
   * @throws IllegalStateException when no store is attached
   */
  public FreshUsers fresh() {
    store();
    return fresh;
  }

  /** The bearer token writes need, or empty when they need none. */
  public Optional<String> writeToken() {
    return writeToken;
  }
}
