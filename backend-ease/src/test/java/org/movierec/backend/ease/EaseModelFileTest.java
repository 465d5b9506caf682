package org.movierec.backend.ease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
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

class EaseModelFileTest {

  private static final RuntimeOptions OPTIONS = RuntimeOptions.of(TrainingConfig.defaults());

  @TempDir Path dir;

  @Test
  void registry_classPath_findsEaseByName() {
    assertThat(BackendRegistry.discover().get("ease")).isInstanceOf(EaseBackendProvider.class);
  }

  @Test
  void saveThenLoad_throughRegistry_keepsEveryWeightAndList() throws IOException {
    EaseModel trained =
        (EaseModel) new EaseTrainer().train(EaseTrainerTest.tiny(), TrainingConfig.defaults());
    Path file = dir.resolve("ease.mrec");
    trained.save(file);

    try (Model loaded = BackendRegistry.discover().load(file, OPTIONS)) {
      EaseWeights kept = ((EaseModel) loaded).weights();
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
          assertThat(kept.weight(i, j)).isEqualTo(trained.weights().weight(i, j));
        }
      }
      assertThat(loaded.recommend(1, 3)).isEqualTo(trained.recommend(1, 3));
      assertThat(loaded.rankingScore()).isEqualTo(trained.rankingScore());
      assertThat(loaded.info()).isEqualTo(trained.info());
    }
  }

  @Test
  void load_fileOfAnotherBackend_isIncompatible() throws IOException {
    Path file = dir.resolve("other.mrec");
    ModelFile.writer("baseline").text("info", "{}").writeTo(file);
    ModelFile read = ModelFile.read(file);

    assertThatThrownBy(() -> new EaseBackendProvider().load(read, OPTIONS))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("written by backend 'baseline'");
  }

  @Test
  void load_weightsWithASelfWeight_isCorruptNamingTheMovie() throws IOException {
    float[] weights = new float[16];
    weights[2 * 4 + 2] = 0.5f;
    ModelFileException e = loadWithWeights(new SectionWriter().putInt(4).putFloats(weights));
    assertThat(e.problem()).isEqualTo(ModelFileException.Problem.CORRUPT);
    assertThat(e).hasMessageContaining("section 'ease'").hasMessageContaining("self-weight 0.5");
  }

  @Test
  void load_weightsOfAnotherCatalog_isCorruptNamingBothSizes() throws IOException {
    ModelFileException e = loadWithWeights(new SectionWriter().putInt(3).putFloats(new float[9]));
    assertThat(e).hasMessageContaining("weights for 3 movies in a model of 4");
  }

  @Test
  void load_weightTooLargeToSum_isCorruptNamingThePair() throws IOException {
    float[] weights = new float[16];
    weights[1] = Float.MAX_VALUE;
    ModelFileException e = loadWithWeights(new SectionWriter().putInt(4).putFloats(weights));
    assertThat(e).hasMessageContaining("weight from movie index 0 to 1");
  }

  @Test
  void load_withoutTheWeights_saysTheSectionIsMissing() throws IOException {
    ModelFileException e = loadWithWeights(null);
    assertThat(e.problem()).isEqualTo(ModelFileException.Problem.INCOMPATIBLE);
    assertThat(e).hasMessageContaining("no 'ease' section");
  }

  /** Loads the tiny model with its weights section replaced, or left out for {@code null}. */
  private ModelFileException loadWithWeights(SectionWriter weights) throws IOException {
    Path good = dir.resolve("good.mrec");
    new EaseTrainer().train(EaseTrainerTest.tiny(), TrainingConfig.defaults()).save(good);
    ModelFile template = ModelFile.read(good);
    ModelFileWriter out = ModelFile.writer(template.backend());
    for (String name : template.sectionNames()) {
      if (!name.equals(EaseModel.SECTION)) {
        out.section(name, template.section(name));
      } else if (weights != null) {
        out.section(name, weights);
      }
    }
    Path bad = dir.resolve("bad.mrec");
    out.writeTo(bad);
    ModelFile read = ModelFile.read(bad);
    try (Model model = new EaseBackendProvider().load(read, OPTIONS)) {
      throw new AssertionError("loaded " + model.info());
    } catch (ModelFileException e) {
      assertThat(e.getMessage()).startsWith("model file " + bad);
      return e;
    }
  }
}
