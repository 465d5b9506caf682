package org.movierec.data.movielens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.data.BadLinePolicy;
import org.movierec.data.DataFormatException;
import org.movierec.data.LineProblem;
import org.movierec.data.ReadOptions;
import org.movierec.data.split.Split;

class PredefinedSplitTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void readSplit_testOnlyIds_sharedIndexAndReportedCold() throws IOException {
    Path train = write("a.base", "1\t10\t4\t100\n2\t10\t3\t101\n2\t20\t5\t102\n");
    Path test = write("a.test", "3\t10\t2\t103\n2\t99\t1\t104\n1\t20\t4\t105\n");

    Split split = DatasetReader.readSplit(train, test, ReadOptions.defaults()).split();

    assertThat(split.train().users()).isSameAs(split.test().users());
    assertThat(split.train().users().rawIds()).containsExactly(1, 2, 3);
    assertThat(split.train().movies().rawIds()).containsExactly(10, 20, 99);
    assertThat(split.coldUsers().rawIds()).containsExactly(3);
    assertThat(split.coldMovies().rawIds()).containsExactly(99);
    assertThat(split.coldRatings()).isEqualTo(2);
    assertThat(split.test().rawUserId(2)).isEqualTo(1);
    assertThat(split.test().userIndex(2)).isEqualTo(split.train().userIndex(0));
  }

  @Test
  void readSplit_testRepeatsTrainingPair_namesTestFileAndLine() throws IOException {
    Path train = write("b.base", "1\t10\t4\t100\n2\t10\t3\t101\n");
    Path test = write("b.test", "1\t20\t4\t105\n2\t10\t5\t106\n");

    assertThatThrownBy(() -> DatasetReader.readSplit(train, test, ReadOptions.defaults()))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("b.test line 2")
        .hasMessageContaining("b.base line 2")
        .hasMessageContaining("2\t10\t5\t106");
  }

  @Test
  void readSplit_lenientLeak_dropsTestRowAndCountsIt() throws IOException {
    Path train = write("c.base", "1\t10\t4\t100\n2\t10\t3\t101\n");
    Path test = write("c.test", "1\t20\t4\t105\n2\t10\t5\t106\n");

    SplitReadResult result =
        DatasetReader.readSplit(
            train, test, ReadOptions.builder().optOnBadLine(BadLinePolicy.SKIP).build());

    assertThat(result.split().test().size()).isEqualTo(1);
    assertThat(result.testReport().skipped()).containsEntry(LineProblem.DUPLICATE_PAIR, 1L);
    assertThat(result.testReport().examples().get(0).line()).isEqualTo(2);
  }

  @Test
  void readPredefinedSplit_unknownName_listsKnownOnes() throws IOException {
    write("u1.base", "1\t10\t4\t100\n");
    write("u1.test", "1\t20\t4\t100\n");

    assertThatThrownBy(() -> DatasetReader.readPredefinedSplit(dir, "u7", ReadOptions.defaults()))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("u7")
        .hasMessageContaining("[u1]");
  }
}
