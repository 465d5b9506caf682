package org.movierec.data.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.junit.jupiter.api.Timeout;
import org.movierec.data.Layout;

/**
 * Fuzzes the readers of the ml-100k (u.data, u.item, u.genre) layout through {@link
 * org.movierec.data.movielens.DatasetReader}; see {@link ReaderFuzzing} for the input layout and
 * the allowed outcomes. The timeout becomes Jazzer's per-input hang limit.
 */
class Ml100kReaderFuzzTest {

  @Timeout(30)
  @FuzzTest(maxDuration = "10s")
  void read_arbitraryFiles_readsOrNamesFileAndLine(byte[] input) throws IOException {
    ReaderFuzzing.readOrFailClearly(Layout.ML_100K, input);
  }
}
