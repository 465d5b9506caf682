package org.movierec.app.training;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import org.movierec.app.backend.ModelLoader;
import org.movierec.app.config.EffectiveConfig;
import org.movierec.app.evaluation.BaselineReference;
import org.movierec.app.output.ProgressListener;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.spi.BackendProvider;

/** Binds the effective configuration of the run and the training services built on it. */
public final class TrainingModule extends AbstractModule {

  private final EffectiveConfig config;

  /** A module for a run with this configuration. */
  public TrainingModule(EffectiveConfig config) {
    this.config = config;
  }

  @Override
  protected void configure() {
    bind(EffectiveConfig.class).toInstance(config);
  }

  @Provides
  TrainingConfig trainingConfig(EffectiveConfig effective) {
    return effective.config();
  }

  @Provides
  ModelTraining modelTraining(
      BackendProvider backend, TrainingConfig trainingConfig, Provider<ProgressListener> progress) {
    return new ModelTraining(backend, trainingConfig, progress);
  }

  @Provides
  TrainJob trainJob(ModelTraining training, ModelLoader loader, BaselineReference baseline) {
    return new TrainJob(training, loader, baseline);
  }
}
