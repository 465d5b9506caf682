package org.movierec.app.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import org.movierec.app.backend.BackendModule;
import org.movierec.app.config.EffectiveConfig;
import org.movierec.app.data.DataModule;
import org.movierec.app.evaluation.EvaluationModule;
import org.movierec.app.output.Console;
import org.movierec.app.output.OutputModule;
import org.movierec.app.training.TrainingModule;
import org.movierec.data.ReadOptions;

/** Builds the injector of one command run from the feature modules. */
final class Wiring {

  private Wiring() {}

  /**
   * An injector for a run with this console and configuration; singletons are made on first use, so
   * commands that load a model never look up the configured backend.
   */
  static Injector injector(Console console, EffectiveConfig config, ReadOptions readOptions) {
    return Guice.createInjector(Stage.DEVELOPMENT, modules(console, config, readOptions));
  }

  /** The root module: every feature module, with explicit bindings required. */
  static Module modules(Console console, EffectiveConfig config, ReadOptions readOptions) {
    return new AbstractModule() {
      @Override
      protected void configure() {
        binder().requireExplicitBindings();
        install(new DataModule(readOptions));
        install(new BackendModule());
        install(new TrainingModule(config));
        install(new EvaluationModule());
        install(new OutputModule(console));
      }
    };
  }
}
