package org.movierec.data.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.junit.jupiter.api.Timeout;
import org.movierec.data.Layout;

/**
 * Fuzzes the readers of the CSV (ratings.csv, movies.csv) layout through {@link
 * org.movierec.data.movielens.DatasetReader}; see {@link ReaderFuzzing} for the input layout and
 * the allowed outcomes. The timeout becomes Jazzer's per-input hang limit.
 */
class CsvReaderFuzzTest {

  @Timeout(30)
  @FuzzTest(maxDuration = "10s")
  void read_arbitraryFiles_readsOrNamesFileAndLine(byte[] input) throws IOException {
    ReaderFuzzing.readOrFailClearly(Layout.CSV, input);
  }
}
