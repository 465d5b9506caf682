package org.movierec.core.store;

/**
 * A kind of ratings store, listed in {@code META-INF/services} and chosen by the form of a
 * location: a file path or {@code jdbc:sqlite:}, {@code jdbc:postgresql:}, ...
 */
public interface RatingStoreProvider {

  /** A short name, e.g. {@code sqlite}. */
  String name();

  /** The forms of location it opens, for messages, e.g. {@code jdbc:sqlite:FILE or a path}. */
  String locationForms();

  /** Tells whether this provider opens a location of this form. */
  boolean accepts(String location);

  /**
   * Opens (and on first use creates) the store, migrating its schema to the current version.
   *
   * @throws StoreException naming the location and what to do when it cannot be opened: locked,
   *     unreachable, a newer schema than this build knows, not a store at all
   */
  RatingStore open(String location, StoreOptions options);
}
