package org.movierec.app.data;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/** Binds where ratings come from and how they are split. */
public final class DataModule extends AbstractModule {

  @Provides
  @Singleton
  DatasetSource datasetSource() {
    return new TabFileSource();
  }

  @Provides
  @Singleton
  Splitter splitter() {
    return new RandomHoldoutSplitter();
  }
}
