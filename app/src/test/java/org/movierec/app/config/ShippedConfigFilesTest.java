package org.movierec.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.movierec.app.tune.SearchSpace;

/** Every config file the project ships loads without error, so none can drift from the keys. */
class ShippedConfigFilesTest {

  private static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void everyShippedConfigFile_loads() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(EXAMPLES)) {
      files = listing.filter(path -> path.toString().endsWith(".properties")).sorted().toList();
    }
    assertThat(files).as("config files in %s", EXAMPLES.toAbsolutePath()).isNotEmpty();
    for (Path file : files) {
      EffectiveConfig config =
          ConfigResolver.resolve(
              new ConfigRequest(Optional.empty(), Optional.of(file), List.of(), List.of()));
      assertThat(config.changedOrigins()).as(file.toString()).isNotEmpty();
    }
  }

  @Test
  void everyShippedSearchSpace_parses() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(EXAMPLES)) {
      files = listing.filter(path -> path.toString().endsWith("-space.txt")).sorted().toList();
    }
    assertThat(files).as("search spaces in %s", EXAMPLES.toAbsolutePath()).isNotEmpty();
    for (Path file : files) {
      assertThat(SearchSpace.read(file).dimensions()).as(file.toString()).isNotEmpty();
    }
  }
}
