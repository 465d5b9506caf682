package org.movierec.core.store;

import java.util.Collection;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/**
 * The kinds of ratings store on the class path, and the one place a location is turned into an open
 * store by asking each provider whether it takes that form.
 */
public final class RatingStores {

  private static final Pattern PASSWORD =
      Pattern.compile("(?i)(password=)[^&;]*|(//[^/:@]*:)[^@/]*(@)");

  private final List<RatingStoreProvider> providers;

  /** A registry of these providers, asked in this order. */
  public RatingStores(Collection<RatingStoreProvider> providers) {
    this.providers = List.copyOf(providers);
  }

  /** The providers listed by {@link ServiceLoader} on the class path. */
  public static RatingStores discover() {
    return new RatingStores(
        ServiceLoader.load(RatingStoreProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList());
  }

  /** Every provider, in the order they are asked. */
  public List<RatingStoreProvider> all() {
    return providers;
  }

  /**
   * Opens the store at a location with the first provider that takes its form.
   *
   * @throws StoreException when no provider takes the form (listing the forms known) or the store
   *     cannot be opened
   */
  public RatingStore open(String location, StoreOptions options) {
    for (RatingStoreProvider provider : providers) {
      if (provider.accepts(location)) {
        return provider.open(location, options);
      }
    }
    throw new StoreException(
        mask(location),
        "no kind of store on the class path takes this location; known forms: "
            + (providers.isEmpty()
                ? "none (put movierec-store on the class path)"
                : String.join("; ", providers.stream().map(p -> p.locationForms()).toList())));
  }

  /** Opens the store at a location with the default options. */
  public RatingStore open(String location) {
    return open(location, StoreOptions.DEFAULTS);
  }

  /**
   * A location safe to print: a {@code password=} parameter's value and the password of {@code
   * //user:password@host} replaced by {@code ***}.
   */
  public static String mask(String location) {
    return PASSWORD
        .matcher(location)
        .replaceAll(
            match ->
                match.group(1) != null
                    ? match.group(1) + "***"
                    : java.util.regex.Matcher.quoteReplacement(
                        match.group(2) + "***" + match.group(3)));
  }
}
