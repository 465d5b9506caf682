package org.movierec.backend.itemknn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileException;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.file.SectionWriter;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.spi.RuntimeOptions;

class ItemKnnModelFileTest {

  private static final RuntimeOptions OPTIONS = RuntimeOptions.of(TrainingConfig.defaults());

  @TempDir Path dir;

  @Test
  void registry_classPath_findsItemKnnByName() {
    assertThat(BackendRegistry.discover().get("itemknn"))
        .isInstanceOf(ItemKnnBackendProvider.class);
  }

  @Test
  void saveThenLoad_throughRegistry_ranksPredictsAndFindsSimilarMoviesTheSame() throws IOException {
    Model trained =
        new ItemKnnTrainer().train(ItemKnnTrainerTest.tiny(), TrainingConfig.defaults());
    Path file = dir.resolve("itemknn.mrec");
    trained.save(file);
    try (Model loaded = BackendRegistry.discover().load(file, OPTIONS)) {
      assertThat(loaded.rankingScore()).isEqualTo(ItemKnnModel.SIMILARITY_SUM);
      for (int user : new int[] {1, 2, 3, 99}) {
        for (int movie : new int[] {10, 20, 30, 40, 77}) {
          assertThat(loaded.predict(user, movie)).isEqualTo(trained.predict(user, movie));
        }
        assertThat(loaded.recommend(user, 3)).isEqualTo(trained.recommend(user, 3));
      }
      for (int movie : new int[] {10, 20, 30, 40}) {
        assertThat(loaded.similarMovies(movie, 3)).isEqualTo(trained.similarMovies(movie, 3));
      }
      assertThat(loaded.info()).isEqualTo(trained.info());
    }
  }

  @Test
  void load_fileOfAnotherBackend_isIncompatible() throws IOException {
    Path file = dir.resolve("other.mrec");
    ModelFile.writer("djl").text("info", "{}").writeTo(file);
    ModelFile read = ModelFile.read(file);
    assertThatThrownBy(() -> new ItemKnnBackendProvider().load(read, OPTIONS))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("written by backend 'djl'");
  }

  @Test
  void load_ratingsThatDoNotMatchTheRatedPairs_namesTheSection() throws IOException {
    ModelFile template = ItemKnnModelFileFuzzTest.template();
    Path file = dir.resolve("short-ratings.mrec");
    rewritten(template, ItemKnnModel.RATINGS, new SectionWriter().putFloats(new float[] {3, 4}))
        .writeTo(file);

    assertThatThrownBy(() -> BackendRegistry.discover().load(file, OPTIONS))
        .isInstanceOf(ModelFileException.class)
        .hasMessageStartingWith("model file " + file + " is corrupt")
        .hasMessageContaining("section 'ratings': 2 ratings for 9 rated pairs");
  }

  @Test
  void load_neighbourListingItself_namesTheMovieIndex() throws IOException {
    ModelFile template = ItemKnnModelFileFuzzTest.template();
    Path file = dir.resolve("self.mrec");
    SectionWriter neighbours =
        new SectionWriter()
            .putInts(new int[] {0, 1, 1, 1, 1})
            .putInts(new int[] {0})
            .putFloats(new float[] {0.5f});
    rewritten(template, ItemKnnModel.NEIGHBOURS, neighbours).writeTo(file);

    assertThatThrownBy(() -> BackendRegistry.discover().load(file, OPTIONS))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("section 'neighbours': movie index 0 lists neighbour target 0");
  }

  @Test
  void load_truncatedFile_saysTruncated() throws IOException {
    Path file = dir.resolve("cut.mrec");
    new ItemKnnTrainer().train(ItemKnnTrainerTest.tiny(), TrainingConfig.defaults()).save(file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
    assertThatThrownBy(() -> BackendRegistry.discover().load(file, OPTIONS))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("truncated");
  }

  private static ModelFileWriter rewritten(ModelFile template, String name, SectionWriter content) {
    ModelFileWriter out = ModelFile.writer(template.backend());
    for (String section : template.sectionNames()) {
      out.section(
          section, section.equals(name) ? content.toByteArray() : template.section(section));
    }
    return out;
  }
}
