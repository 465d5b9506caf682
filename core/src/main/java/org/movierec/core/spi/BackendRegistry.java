package org.movierec.core.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.KeySuggestions;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileException;
import org.movierec.core.model.Model;

/**
 * The backends on the class path, by name. Looking up a name that is not there names the key, the
 * value, the known backends and the nearest one.
 */
public final class BackendRegistry {

  private final Map<String, BackendProvider> providers;

  /** A registry of the given providers. */
  public BackendRegistry(Collection<BackendProvider> providers) {
    Map<String, BackendProvider> byName = new TreeMap<>();
    for (BackendProvider provider : providers) {
      BackendProvider previous = byName.putIfAbsent(provider.name(), provider);
      if (previous != null) {
        throw new IllegalStateException(
            "two backends are named '"
                + provider.name()
                + "': "
                + previous.getClass().getName()
                + " and "
                + provider.getClass().getName());
      }
    }
    this.providers = Collections.unmodifiableMap(byName);
  }

  /** The backends listed by {@link java.util.ServiceLoader} on the class path. */
  public static BackendRegistry discover() {
    return new BackendRegistry(
        ServiceLoader.load(BackendProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .toList());
  }

  /** All backends, by name. */
  public Map<String, BackendProvider> all() {
    return providers;
  }

  /**
   * The backend with this name.
   *
   * @throws ConfigException naming the known backends and the nearest name
   */
  public BackendProvider get(String name) {
    BackendProvider provider = providers.get(name);
    if (provider == null) {
      String nearest = KeySuggestions.nearest(name, providers.keySet().stream());
      throw new ConfigException(
          "bad value for backend: '"
              + name
              + "' is not an available backend; available: "
              + String.join(", ", providers.keySet())
              + (nearest == null ? "" : "; did you mean '" + nearest + "'?"));
    }
    return provider;
  }

  /**
   * Loads a model file with the backend that wrote it.
   *
   * @throws ModelFileException when the file is damaged or its backend is not on the class path
   */
  public Model load(Path file, RuntimeOptions options) throws IOException {
    return load(ModelFile.read(file), options);
  }

  /**
   * Loads a model file already read, e.g. from bytes shipped to a remote worker, with the backend
   * that wrote it.
   *
   * @throws ModelFileException when its sections are broken or its backend is not on the class path
   */
  public Model load(ModelFile modelFile, RuntimeOptions options) {
    BackendProvider provider = providers.get(modelFile.backend());
    if (provider == null) {
      throw new ModelFileException(
          modelFile.path(),
          ModelFileException.Problem.INCOMPATIBLE,
          "it was written by backend '"
              + modelFile.backend()
              + "', which is not on the class path (available: "
              + String.join(", ", providers.keySet())
              + ")");
    }
    return provider.load(modelFile, options);
  }
}
