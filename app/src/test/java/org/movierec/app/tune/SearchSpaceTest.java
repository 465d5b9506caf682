package org.movierec.app.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.config.ConfigException;
import org.movierec.core.config.Keys;

class SearchSpaceTest {

  @TempDir Path dir;

  private SearchSpace read(String text) throws IOException {
    Path file = dir.resolve("space.txt");
    Files.writeString(file, text);
    return SearchSpace.read(file);
  }

  private void assertRejected(String text, String... fragments) {
    assertThatThrownBy(() -> read(text))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(dir.resolve("space.txt").toString())
        .hasMessageContainingAll(fragments);
  }

  @Test
  void read_everyKindOfLine_inFileOrder() throws IOException {
    SearchSpace space =
        read(
            "# a comment\n"
                + "learning_rate = loguniform(0.0005, 0.01)\n"
                + "\n"
                + "embedding-weight-decay = range(0, 0.05)\n"
                + "batch_size = range(128, 1024)\n"
                + "lr_schedule = cosine, constant\n");

    assertThat(space.dimensions())
        .extracting(dimension -> dimension.key().name())
        .containsExactly("learning_rate", "embedding_weight_decay", "batch_size", "lr_schedule");
    assertThat(space.dimensions().get(0))
        .isEqualTo(new Dimension.Range(Keys.LEARNING_RATE, 0.0005, 0.01, true));
    assertThat(((Dimension.Range) space.dimensions().get(2)).integer()).isTrue();
    assertThat(space.dimensions().get(3))
        .isEqualTo(new Dimension.Choice(Keys.LR_SCHEDULE, List.of("cosine", "constant")));
    assertThat(space.isGrid()).isFalse();
  }

  @Test
  void gridSize_isTheProductOfTheListLengths() throws IOException {
    SearchSpace space = read("batch_size = 128, 256, 512\nloss = mse, rmse\n");

    assertThat(space.isGrid()).isTrue();
    assertThat(space.gridSize()).isEqualTo(6);
  }

  @Test
  void unknownKey_namesLineAndNearestKey() {
    assertRejected(
        "epochs = 5, 10\nlerning_rate = 0.1, 0.2\n",
        ":2: unknown configuration key 'lerning_rate'",
        "did you mean 'learning_rate'?");
  }

  @Test
  void badListValue_namesLineKeyAndValue() {
    assertRejected(
        "batch_size = 256, big\n",
        ":1: batch_size = 256, big",
        "'big' is not allowed",
        "an integer in 1..16777216");
  }

  @Test
  void badBounds_areRejectedWithTheirLine() {
    assertRejected("learning_rate = loguniform(0, 0.01)\n", ":1:", "is not allowed");
    assertRejected(
        "weight_decay = loguniform(0, 0.01)\n", ":1:", "loguniform needs a lower bound > 0");
    assertRejected("learning_rate = range(0.01, 0.001)\n", ":1:", "lower bound must be below");
    assertRejected("epochs = range(5, 10.5)\n", ":1:", "epochs = range(5, 10.5)", "not allowed");
    assertRejected("learning_rate = range(0.001)\n", ":1:", "expected a list");
  }

  @Test
  void rangeOverAWordKey_saysToListItsValues() {
    assertRejected("loss = range(1, 2)\n", ":1:", "loss takes one of", "list its values instead");
  }

  @Test
  void seed_isNotAHyperparameter() {
    assertRejected("seed = 1, 2, 3\n", ":1:", "seed is not searched", "--seed S");
  }

  @Test
  void duplicatesAndEmptyValues_areRejected() {
    assertRejected("epochs = 5, 5\n", ":1:", "'5' is listed twice");
    assertRejected("epochs = 5,,6\n", ":1:", "an empty value");
    assertRejected("epochs = 5\nepochs = 6\n", ":2:", "set a second time");
  }

  @Test
  void emptyOrMissingFile_isRejected() {
    assertRejected("# nothing\n", "has no keys");
    assertThatThrownBy(() -> SearchSpace.read(dir.resolve("absent.txt")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("absent.txt does not exist");
  }

  @Test
  void everyShippedSpaceFile_reads() throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.walk(Path.of("..", "docs"))) {
      files = listing.filter(path -> path.toString().endsWith(".space")).sorted().toList();
    }
    assertThat(files).as("space files under docs/").isNotEmpty();
    for (Path file : files) {
      assertThat(SearchSpace.read(file).dimensions()).as(file.toString()).isNotEmpty();
    }
  }
}
