package org.movierec.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.movierec.app.config.ConfigRequest;
import org.movierec.app.data.DatasetSource;
import org.movierec.app.output.TaskProgress;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.store.RatingStore;
import org.movierec.core.store.StoredRating;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code movierec import}: copies a dataset's ratings and movies into a ratings store, in
 * transactions of {@value #CHUNK} ratings with progress. A rerun writes the same rows again and
 * leaves the store as it was: one rating per user and movie, the file's replacing the store's.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import a dataset (any layout the readers know: ml-100k, ml-1m, ml-10m, csv) into a ratings"
          + " store, with its movie titles and genres.",
      "Idempotent: importing the same files again leaves the store unchanged."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec import --data ml-100k --store ratings.db",
      "  movierec import --data ml-25m --store 'jdbc:postgresql://127.0.0.1:5432/movierec?user=mr'"
    })
final class ImportCommand extends DataCommand {

  /** How many ratings one transaction writes. */
  static final int CHUNK = 10_000;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "PATH",
      description = "the ratings: a dataset directory or file, or 'sample'")
  Path data;

  @Option(
      names = "--store",
      required = true,
      paramLabel = "STORE",
      description = Stores.DESCRIPTION)
  String store;

  @Override
  public Integer call() throws Exception {
    var injector = injector(ConfigRequest.defaults());
    RatingDataset ratings = ratings(injector.getInstance(DatasetSource.class), data);
    long start = System.nanoTime();
    try (RatingStore target = Stores.open(store)) {
      target.requireScale(ratings.scale());
      long before = target.size();
      target.putMovies(ratings.catalog().movies());
      TaskProgress progress = new TaskProgress(console());
      progress.start("importing into " + target.location(), ratings.size(), "ratings");
      List<StoredRating> chunk = new ArrayList<>(CHUNK);
      for (int row = 0; row < ratings.size(); row++) {
        chunk.add(
            new StoredRating(
                ratings.rawUserId(row),
                ratings.rawMovieId(row),
                ratings.rating(row),
                ratings.timestamp(row)));
        if (chunk.size() == CHUNK || row == ratings.size() - 1) {
          target.append(chunk);
          chunk.clear();
          progress.update(row + 1L);
        }
      }
      progress.finish(String.format(Locale.ROOT, "wrote %,d ratings", ratings.size()));
      long after = target.size();
      var out = spec.commandLine().getOut();
      out.printf(
          Locale.ROOT,
          "imported %,d ratings and %,d movies from %s into %s in %.1f s; the store held %,d"
              + " ratings before and holds %,d now (%,d new)%n",
          ratings.size(),
          ratings.catalog().size(),
          data,
          target.location(),
          (System.nanoTime() - start) / 1e9,
          before,
          after,
          after - before);
      out.flush();
    }
    return 0;
  }
}
