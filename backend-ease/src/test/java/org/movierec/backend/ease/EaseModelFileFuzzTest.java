package org.movierec.backend.ease;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.file.ModelFile;
import org.movierec.core.fuzz.SectionFuzzing;
import org.movierec.core.spi.RuntimeOptions;

/**
 * Fuzzes EASE's loader on a valid model file one of whose sections the fuzzer rewrites: the first
 * input byte picks the section (info, scale, ids, rated, popularity, biases, ease, by its value
 * modulo 7), the rest is its new content. See {@link SectionFuzzing} for the allowed outcomes; the
 * timeout becomes Jazzer's per-input hang limit.
 */
class EaseModelFileFuzzTest {

  static final List<String> SECTIONS =
      List.of("info", "scale", "ids", "rated", "popularity", "biases", EaseModel.SECTION);

  private static final RuntimeOptions OPTIONS = RuntimeOptions.of(TrainingConfig.defaults());

  private static final ModelFile TEMPLATE = template();

  @Timeout(30)
  @FuzzTest(maxDuration = "10s")
  void load_rewrittenSection_loadsOrFailsClearly(byte[] input) throws IOException {
    SectionFuzzing.loadOrFailClearly(
        TEMPLATE, SECTIONS, input, file -> new EaseBackendProvider().load(file, OPTIONS));
  }

  /** EASE fitted to the tiny ratings, as read back from its file. */
  static ModelFile template() {
    return SectionFuzzing.saved(
        new EaseTrainer().train(EaseTrainerTest.tiny(), TrainingConfig.defaults()));
  }
}
