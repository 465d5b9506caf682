package org.movierec.app.data;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import org.movierec.data.ReadOptions;

/** Binds where ratings come from, how they are read, and how they are split. */
public final class DataModule extends AbstractModule {

  private final ReadOptions options;

  /** A module that reads datasets with these options. */
  public DataModule(ReadOptions options) {
    this.options = options;
  }

  @Override
  protected void configure() {
    bind(ReadOptions.class).toInstance(options);
  }

  @Provides
  @Singleton
  DatasetSource datasetSource(ReadOptions readOptions) {
    return new MovieLensSource(readOptions);
  }

  @Provides
  @Singleton
  Splitter splitter() {
    return new DataSplitter();
  }
}
