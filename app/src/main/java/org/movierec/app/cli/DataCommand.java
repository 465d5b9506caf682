package org.movierec.app.cli;

import com.google.inject.Injector;
import java.io.IOException;
import java.nio.file.Path;
import org.movierec.app.data.DatasetSource;
import org.movierec.core.data.MovieCatalog;
import org.movierec.data.ReadOptions;
import picocli.CommandLine.Mixin;

/** A command that reads ratings, and so takes {@code --format} and {@code --on-bad-line}. */
abstract class DataCommand extends BaseCommand {

  @Mixin DataOptions dataOptions;

  @Override
  ReadOptions readOptions() {
    return dataOptions.readOptions();
  }

  /**
   * The movie list (titles, genres) of a {@code --data} value given for display, or an empty one
   * when none was given.
   */
  static MovieCatalog catalog(Injector injector, Path data) throws IOException {
    return data == null
        ? MovieCatalog.empty()
        : ratings(injector.getInstance(DatasetSource.class), data).catalog();
  }
}
