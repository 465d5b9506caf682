package org.movierec.app.output;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;

/** Binds the console a command writes to and the printers built on it. */
public final class OutputModule extends AbstractModule {

  private final Console console;

  /** A module for the given console. */
  public OutputModule(Console console) {
    this.console = console;
  }

  @Override
  protected void configure() {
    bind(Console.class).toInstance(console);
  }

  @Provides
  JsonPrinter jsonPrinter(Console target) {
    return new JsonPrinter(target);
  }

  @Provides
  ProgressListener progressListener(Console target) {
    return new ProgressListener(target);
  }

  @Provides
  TaskProgress taskProgress(Console target) {
    return new TaskProgress(target);
  }
}
