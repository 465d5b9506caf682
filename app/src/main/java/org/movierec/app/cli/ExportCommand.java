package org.movierec.app.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.store.RatingStore;
import org.movierec.core.store.StoreSnapshot;
import org.movierec.data.Layout;
import org.movierec.data.movielens.MoviesWriter;
import org.movierec.data.movielens.RatingsWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code movierec export}: writes a snapshot of a ratings store as a MovieLens dataset directory
 * that every command reads back; the directory appears whole or not at all.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write a consistent snapshot of a ratings store as a MovieLens dataset: the ratings file and"
          + " the movie list of the layout.",
      "The files are written into a new directory beside --out and moved into place at the end."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  movierec export --store ratings.db --out ratings-export",
      "  movierec export --store ratings.db --out ratings-csv --layout csv"
    })
final class ExportCommand extends BaseCommand {

  @Option(
      names = "--store",
      required = true,
      paramLabel = "STORE",
      description = Stores.DESCRIPTION)
  String store;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "a new or empty directory to write the dataset into")
  Path out;

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      defaultValue = "ml-100k",
      description = "ml-100k, ml-1m or csv (default ${DEFAULT-VALUE}; csv for half stars)")
  String layout;

  @Override
  public Integer call() throws Exception {
    Layout target;
    try {
      target = Layout.parse(layout);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--layout: " + e.getMessage());
    }
    if (Files.exists(out) && !isEmptyDirectory(out)) {
      throw new ParameterException(
          spec.commandLine(),
          "--out " + out + " exists and is not an empty directory; give a new directory");
    }
    StoreSnapshot snapshot;
    try (RatingStore source = Stores.open(store)) {
      snapshot = source.snapshot();
    }
    RatingDataset ratings = snapshot.ratings();
    Path absolute = out.toAbsolutePath();
    Path staging =
        Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".");
    try {
      RatingsWriter.write(ratings, staging.resolve(target.ratingsFile()), target);
      if (!ratings.catalog().isEmpty()) {
        MoviesWriter.write(ratings.catalog().movies(), staging, target);
      }
      Files.deleteIfExists(absolute);
      Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      deleteTree(staging);
      throw e;
    }
    var output = spec.commandLine().getOut();
    output.printf(
        Locale.ROOT,
        "exported %,d ratings of %,d users and %,d movies from %s (snapshot of %s) to %s in the"
            + " %s layout%n",
        ratings.size(),
        ratings.users().size(),
        ratings.catalog().size(),
        snapshot.location(),
        snapshot.takenAt(),
        out,
        target.id());
    output.flush();
    return 0;
  }

  private static boolean isEmptyDirectory(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
      return !entries.iterator().hasNext();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
