package org.movierec.backend.itemknn;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.movierec.core.config.TrainingConfig;
import org.movierec.core.file.ModelFile;
import org.movierec.core.fuzz.SectionFuzzing;
import org.movierec.core.spi.RuntimeOptions;

/**
 * Fuzzes the item-kNN loader on a valid model file one of whose sections the fuzzer rewrites: the
 * first input byte picks the section (info, scale, ids, rated, popularity, biases, neighbours,
 * ratings, by its value modulo 8), the rest is its new content. See {@link SectionFuzzing} for the
 * allowed outcomes; the timeout becomes Jazzer's per-input hang limit.
 */
class ItemKnnModelFileFuzzTest {

  static final List<String> SECTIONS =
      List.of(
          "info",
          "scale",
          "ids",
          "rated",
          "popularity",
          "biases",
          ItemKnnModel.NEIGHBOURS,
          ItemKnnModel.RATINGS);

  private static final RuntimeOptions OPTIONS = RuntimeOptions.of(TrainingConfig.defaults());

  private static final ModelFile TEMPLATE = template();

  @Timeout(30)
  @FuzzTest(maxDuration = "10s")
  void load_rewrittenSection_loadsOrFailsClearly(byte[] input) throws IOException {
    SectionFuzzing.loadOrFailClearly(
        TEMPLATE, SECTIONS, input, file -> new ItemKnnBackendProvider().load(file, OPTIONS));
  }

  /** An item-kNN model of the tiny ratings, as read back from its file. */
  static ModelFile template() {
    return SectionFuzzing.saved(
        new ItemKnnTrainer().train(ItemKnnTrainerTest.tiny(), TrainingConfig.defaults()));
  }
}
