package org.movierec.app.cli;

import org.movierec.data.ReadOptions;
import picocli.CommandLine.Mixin;

/** A command that reads ratings, and so takes {@code --format} and {@code --on-bad-line}. */
abstract class DataCommand extends BaseCommand {

  @Mixin DataOptions dataOptions;

  @Override
  ReadOptions readOptions() {
    return dataOptions.readOptions();
  }
}
