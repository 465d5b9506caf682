package org.movierec.backend.djl;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.movierec.core.bias.Biases;
import org.movierec.core.config.DeviceRequest;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.RatingDatasets;
import org.movierec.core.file.ModelFile;
import org.movierec.core.file.ModelFileWriter;
import org.movierec.core.fuzz.SectionFuzzing;
import org.movierec.core.model.ColdStartPolicy;
import org.movierec.core.model.ModelInfo;
import org.movierec.core.model.TrainedState;
import org.movierec.core.spi.RuntimeOptions;
import org.movierec.core.training.TrainingSummary;
import org.movierec.model.NetworkSpec;

/**
 * Fuzzes {@link DjlBackendProvider#load} on a valid model file of the {@link TinyNetwork} whose
 * {@code djl.spec} section (first input byte even) or {@code djl.parameters} section (odd) the
 * fuzzer rewrites with the rest of the input. See {@link SectionFuzzing} for the allowed outcomes;
 * the timeout becomes Jazzer's per-input hang limit. The template is built on the JVM, so the
 * PyTorch engine never starts.
 */
class DjlModelFileFuzzTest {

  private static final RuntimeOptions OPTIONS =
      new RuntimeOptions(DeviceRequest.parse("cpu"), 0, ColdStartPolicy.FALLBACK, 0);

  private static final ModelFile TEMPLATE = template();

  @Timeout(30)
  @FuzzTest(maxDuration = "10s")
  void load_rewrittenSpecOrParameters_loadsOrFailsClearly(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    String section =
        input[0] % 2 == 0 ? DjlModelFile.SPEC_SECTION : DjlModelFile.PARAMETERS_SECTION;
    SectionFuzzing.loadOrFailClearly(
        TEMPLATE,
        section,
        Arrays.copyOfRange(input, 1, input.length),
        file -> new DjlBackendProvider().load(file, OPTIONS));
  }

  /** A valid model file of the tiny network over synthetic ratings, with initial parameters. */
  static ModelFile template() {
    ColumnarRatings data = RatingDatasets.compact(SyntheticRatings.generate(12, 10, 5, 3));
    NetworkSpec spec = TinyNetwork.spec();
    ModelInfo info =
        new ModelInfo(
            DjlBackendProvider.NAME,
            "none",
            spec.toJson(),
            TrainingConfig.defaults().toTextMap(),
            new TrainingSummary(0, 0, 0, 0, List.of()));
    TrainedState state = TrainedState.of(data, Biases.fit(data, 15, 10, 10), info);
    ModelFileWriter out = ModelFile.writer(DjlBackendProvider.NAME);
    state.writeTo(out);
    DjlModelFile.write(
        out, spec, DjlInitializer.initialize(spec, data.users().size(), data.movies().size(), 1));
    try {
      Path file = Files.createTempFile("djl-template", ".mrec");
      try {
        Files.write(file, out.toByteArray());
        return ModelFile.read(file);
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
