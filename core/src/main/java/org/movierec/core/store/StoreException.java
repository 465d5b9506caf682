package org.movierec.core.store;

/**
 * A ratings store that cannot be opened, read or written: the message names the store's location
 * (password masked), what went wrong and what to do.
 */
public final class StoreException extends RuntimeException {

  private final String location;

  /** A failure of the store at {@code location}. */
  public StoreException(String location, String message, Throwable cause) {
    super("ratings store " + location + ": " + message, cause);
    this.location = location;
  }

  /** A failure of the store at {@code location} without an underlying exception. */
  public StoreException(String location, String message) {
    this(location, message, null);
  }

  /** Where the store is, with any password masked. */
  public String location() {
    return location;
  }
}
