package org.movierec.core.testdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class SharedDatasetsTest {

  @TempDir Path shared;

  @Test
  void absentData_notRequired_skipsNamingThePath() {
    Path expected = shared.resolve("datasets/ml-100k").toAbsolutePath();

    assertThatThrownBy(() -> SharedDatasets.ml100k(shared, false))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("ml-100k is not at " + expected)
        .hasMessageContaining("skipping");
  }

  @Test
  void absentData_required_failsNamingThePathAndTheProperty() {
    Path expected = shared.resolve("datasets/ml-100k").toAbsolutePath();

    assertThatThrownBy(() -> SharedDatasets.ml100k(shared, true))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("ml-100k is not at " + expected)
        .hasMessageContaining("-Dmovierec.requireData=true");
  }

  @Test
  void incompleteData_required_failsListingTheMissingFiles() throws IOException {
    Path dir = Files.createDirectories(shared.resolve("datasets/ml-100k"));
    for (String name : SharedDatasets.ML_100K_FILES) {
      Files.writeString(dir.resolve(name), "1\t1\t5\t881250949\n");
    }
    Files.delete(dir.resolve("u3.test"));

    assertThatThrownBy(() -> SharedDatasets.ml100k(shared, true))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("missing [u3.test]");
  }

  @Test
  void completeData_isFoundAndReadWhetherRequiredOrNot() throws IOException {
    Path dir = Files.createDirectories(shared.resolve("datasets/ml-100k"));
    for (String name : SharedDatasets.ML_100K_FILES) {
      Files.writeString(dir.resolve(name), "196\t242\t3\t881250949\n186\t302\t3\t891717742\n");
    }

    assertThat(SharedDatasets.ml100k(shared, false)).isEqualTo(dir.toAbsolutePath());
    assertThat(SharedDatasets.ml100k(shared, true)).isEqualTo(dir.toAbsolutePath());
    var ratings = SharedDatasets.readRatings(dir.resolve("u1.base"));
    assertThat(ratings.size()).isEqualTo(2);
    assertThat(ratings.rawUserId(1)).isEqualTo(186);
    assertThat(ratings.rating(0)).isEqualTo(3f);
  }
}
