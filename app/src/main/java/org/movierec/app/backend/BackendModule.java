package org.movierec.app.backend;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.movierec.app.config.EffectiveConfig;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.Keys;
import org.movierec.core.spi.BackendProvider;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.spi.RuntimeOptions;

/**
 * Binds the backend registry, the backend named by the {@code backend} key, and a model loader.
 * Backends are discovered on the class path, so adding one needs no change here.
 */
public final class BackendModule extends AbstractModule {

  @Provides
  @Singleton
  BackendRegistry registry() {
    return BackendRegistry.discover();
  }

  /**
   * The configured backend.
   *
   * @throws ConfigException naming the known backends and where the bad name was set
   */
  @Provides
  @Singleton
  BackendProvider backend(BackendRegistry registry, EffectiveConfig config) {
    try {
      return registry.get(config.config().backend());
    } catch (ConfigException e) {
      throw new ConfigException(config.originOf(Keys.BACKEND) + ": " + e.getMessage());
    }
  }

  @Provides
  ModelLoader modelLoader(BackendRegistry registry, EffectiveConfig config) {
    return new ModelLoader(registry, RuntimeOptions.of(config.config()));
  }
}
