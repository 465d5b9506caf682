package org.movierec.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.config.DeviceRequest;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileException;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.Model;
import org.movierec.core.spi.BackendRegistry;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.model.NetworkSpec;

class DjlModelFileTest {

  private static final ColumnarRatings ALL = SyntheticRatings.generate(40, 30, 15, 5);
  private static final RuntimeOptions OPTIONS =
      new RuntimeOptions(DeviceRequest.parse("cpu"), 0, ColdStartPolicy.FALLBACK, 0);
  private static DjlModel model;

  @TempDir Path dir;

  @BeforeAll
  static void train() {
    model =
        (DjlModel) new DjlTrainer().train(ALL, TrainingConfig.builder().set("epochs", "3").build());
  }

  @Test
  void registry_discoversDjlBackend() {
    assertThat(BackendRegistry.discover().get("djl")).isInstanceOf(DjlBackendProvider.class);
  }

  @Test
  void save_thenLoad_identicalPredictionsAndProvenance() throws IOException {
    Path file = dir.resolve("model.movierec");
    model.save(file);
    try (Model loaded = BackendRegistry.discover().load(file, OPTIONS)) {
      assertThat(loaded).isInstanceOf(DjlModel.class);
      assertThat(((DjlModel) loaded).parameters().sameAs(model.parameters())).isTrue();
      assertThat(((DjlModel) loaded).spec()).isEqualTo(model.spec());
      assertThat(loaded.info()).isEqualTo(model.info());
      assertThat(loaded.users()).isEqualTo(model.users());
      assertThat(loaded.scale()).isEqualTo(model.scale());
      int[] users = new int[ALL.size()];
      int[] movies = new int[ALL.size()];
      for (int row = 0; row < ALL.size(); row++) {
        users[row] = ALL.rawUserId(row);
        movies[row] = ALL.rawMovieId(row);
      }
      assertThat(loaded.predict(users, movies)).isEqualTo(model.predict(users, movies));
      int someone = ALL.users().rawId(7);
      assertThat(loaded.recommend(someone, 10)).isEqualTo(model.recommend(someone, 10));
    }
  }

  @Test
  void load_truncatedFile_saysTruncated() throws IOException {
    Path file = saved();
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> BackendRegistry.discover().load(file, OPTIONS))
        .isInstanceOf(ModelFileException.class)
        .hasMessageStartingWith("model file " + file)
        .extracting(e -> ((ModelFileException) e).problem())
        .isEqualTo(ModelFileException.Problem.TRUNCATED);
  }

  @Test
  void load_flippedByteInParameters_saysCorrupt() throws IOException {
    Path file = saved();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 200] ^= 0x10;
    Files.write(file, bytes);
    assertThatThrownBy(() -> BackendRegistry.discover().load(file, OPTIONS))
        .isInstanceOf(ModelFileException.class)
        .extracting(e -> ((ModelFileException) e).problem())
        .isEqualTo(ModelFileException.Problem.CORRUPT);
  }

  @Test
  void load_withoutParameterSection_saysItDoesNotFit() throws IOException {
    ModelFileWriter out = ModelFile.writer("djl");
    model.state().writeTo(out);
    out.text(DjlModelFile.SPEC_SECTION, model.spec().toJson());
    Path file = dir.resolve("crafted.movierec");
    out.writeTo(file);
    assertThatThrownBy(() -> new DjlBackendProvider().load(ModelFile.read(file), OPTIONS))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("djl.parameters")
        .extracting(e -> ((ModelFileException) e).problem())
        .isEqualTo(ModelFileException.Problem.INCOMPATIBLE);
  }

  @Test
  void load_specThatIsNotJson_saysCorrupt() throws IOException {
    Path file = write("{not json", model.parameters().tensors());
    assertCorrupt(file, "network spec is invalid");
  }

  @Test
  void load_tensorsOfAnotherNetwork_saysHowManyAreNeeded() throws IOException {
    Path file = write(model.spec().toJson(), model.parameters().tensors().subList(0, 4));
    assertCorrupt(file, "4 tensors stored, but the network spec needs 10");
  }

  @Test
  void load_embeddingForOtherUsers_namesTensorAndNeededShape() throws IOException {
    List<DjlParameters.Tensor> tensors = new ArrayList<>(model.parameters().tensors());
    DjlParameters.Tensor users = tensors.get(0);
    int[] shape = users.shape();
    shape[0]--;
    tensors.set(
        0,
        new DjlParameters.Tensor(
            users.name(), shape, Arrays.copyOf(users.values(), shape[0] * shape[1])));
    Path file = write(model.spec().toJson(), tensors);
    assertCorrupt(file, "found tensor user_embedding[" + shape[0] + ", 30]")
        .hasMessageContaining("need user_embedding[" + (shape[0] + 1) + ", 30]");
  }

  @Test
  void load_nonFiniteParameter_saysCorrupt() throws IOException {
    List<DjlParameters.Tensor> tensors = new ArrayList<>(model.parameters().tensors());
    DjlParameters.Tensor bias = tensors.get(3);
    float[] values = bias.values().clone();
    values[1] = Float.NaN;
    tensors.set(3, new DjlParameters.Tensor(bias.name(), bias.shape(), values));
    Path file = write(model.spec().toJson(), tensors);
    assertCorrupt(file, "tensor dense0.bias holds a non-finite value NaN");
  }

  @Test
  void load_finiteWeightsLargeEnoughToOverflow_saysCorrupt() throws IOException {
    List<DjlParameters.Tensor> tensors = new ArrayList<>(model.parameters().tensors());
    for (int slot = 2; slot < tensors.size(); slot += 2) {
      DjlParameters.Tensor weight = tensors.get(slot);
      float[] values = new float[weight.values().length];
      Arrays.fill(values, 1e10f);
      tensors.set(slot, new DjlParameters.Tensor(weight.name(), weight.shape(), values));
    }
    Path file = write(model.spec().toJson(), tensors);
    assertCorrupt(file, "so large that a score could reach");
  }

  @Test
  void outputBound_ofATrainedNetwork_isFarBelowTheLimitAndAboveEveryScore() {
    double bound = DjlModelFile.outputBound(model.parameters());
    assertThat(bound).isLessThan(DjlModelFile.MAX_OUTPUT_BOUND * 1e-15);
    DjlScorer scorer = new DjlScorer(model.spec(), model.parameters());
    float[] scores = new float[scorer.movieCount()];
    for (int user = 0; user < model.users().size(); user++) {
      scorer.scoreCatalog(user, scores);
      for (float score : scores) {
        assertThat((double) Math.abs(score)).isLessThanOrEqualTo(bound);
      }
    }
  }

  @Test
  void outputBound_withEmbeddingDot_isAboveEveryScore() {
    NetworkSpec spec = RandomNetworks.withDot(org.movierec.model.Activation.IDENTITY);
    DjlParameters parameters = RandomNetworks.parameters(spec, 9, 40, 5);
    double bound = DjlModelFile.outputBound(parameters);

    DjlScorer scorer = new DjlScorer(spec, parameters);
    float[] scores = new float[scorer.movieCount()];
    double largest = 0;
    for (int user = 0; user < 9; user++) {
      scorer.scoreCatalog(user, scores);
      for (float score : scores) {
        largest = Math.max(largest, Math.abs(score));
      }
    }
    assertThat(largest).isLessThanOrEqualTo(bound);
    assertThat(bound)
        .as("the dot product's share of the bound")
        .isGreaterThan(DjlModelFile.outputBound(RandomNetworks.withoutDot(parameters)));
  }

  @Test
  void load_fileOfAnotherBackend_saysItDoesNotFit() throws IOException {
    ModelFileWriter out = ModelFile.writer("baseline");
    model.state().writeTo(out);
    Path file = dir.resolve("baseline.movierec");
    out.writeTo(file);
    assertThatThrownBy(() -> new DjlBackendProvider().load(ModelFile.read(file), OPTIONS))
        .isInstanceOf(ModelFileException.class)
        .hasMessageContaining("no 'djl.spec' section")
        .extracting(e -> ((ModelFileException) e).problem())
        .isEqualTo(ModelFileException.Problem.INCOMPATIBLE);
  }

  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertCorrupt(
      Path file, String detail) {
    return assertThatThrownBy(() -> new DjlBackendProvider().load(ModelFile.read(file), OPTIONS))
        .isInstanceOf(ModelFileException.class)
        .hasMessageStartingWith("model file " + file + " is corrupt")
        .hasMessageContaining(detail)
        .satisfies(
            e ->
                assertThat(((ModelFileException) e).problem())
                    .isEqualTo(ModelFileException.Problem.CORRUPT));
  }

  /** Writes a djl-backend file with the trained state, the given spec text and tensors. */
  private Path write(String specJson, List<DjlParameters.Tensor> tensors) throws IOException {
    ModelFileWriter out = ModelFile.writer("djl");
    model.state().writeTo(out);
    out.text(DjlModelFile.SPEC_SECTION, specJson);
    out.section(DjlModelFile.PARAMETERS_SECTION, DjlModelFile.parametersSection(tensors));
    Path file = dir.resolve("crafted.movierec");
    out.writeTo(file);
    return file;
  }

  private Path saved() throws IOException {
    Path file = dir.resolve("model.movierec");
    model.save(file);
    return file;
  }
}
