package org.movierec.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.movierec.data.Layout;
import org.movierec.data.generate.DatasetGenerator;
import org.movierec.data.generate.GeneratorSpec;

/** Generated datasets in temporary directories, made in a trial's set-up and removed after it. */
final class GeneratedFiles {

  private GeneratedFiles() {}

  /** Generates a dataset of this shape into a new temporary directory and returns it. */
  static Path generate(int users, int movies, int ratings, long seed, Layout layout)
      throws IOException {
    Path directory = Files.createTempDirectory("movierec-bench");
    DatasetGenerator.generate(
        GeneratorSpec.builder()
            .setUsers(users)
            .setMovies(movies)
            .setRatings(ratings)
            .optSeed(seed)
            .build(),
        directory,
        layout);
    return directory;
  }

  /** Deletes a directory and everything in it. */
  static void delete(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      files
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}
