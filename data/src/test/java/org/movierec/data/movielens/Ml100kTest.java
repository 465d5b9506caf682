package org.movierec.data.movielens;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.movierec.core.data.MovieInfo;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.core.testdata.SharedDatasets;
import org.movierec.data.Layout;
import org.movierec.data.ReadOptions;
import org.movierec.data.ReadResult;

class Ml100kTest {

  @Test
  void read_ml100kDirectory_hasPublishedCounts() throws IOException {
    ReadResult result = DatasetReader.read(SharedDatasets.ml100k());

    RatingDataset data = result.dataset();
    assertThat(data.size()).isEqualTo(100_000);
    assertThat(data.users().size()).isEqualTo(943);
    assertThat(data.movies().size()).isEqualTo(1_682);
    assertThat(data.scale()).isEqualTo(RatingScale.WHOLE_STARS);
    assertThat(result.report().layout()).isEqualTo(Layout.ML_100K);
    assertThat(result.report().skippedLines()).isZero();
    assertThat(data.rawUserId(0)).isEqualTo(196);
    assertThat(data.rawMovieId(0)).isEqualTo(242);
    assertThat(data.rating(0)).isEqualTo(3f);
    assertThat(data.timestamp(0)).isEqualTo(881_250_949L);
  }

  @Test
  void read_ml100kItems_decodesLatin1TitlesAndGenres() throws IOException {
    RatingDataset data = DatasetReader.read(SharedDatasets.ml100k()).dataset();

    assertThat(data.catalog().size()).isEqualTo(1_682);
    MovieInfo toyStory = data.catalog().find(1).orElseThrow();
    assertThat(toyStory.title()).isEqualTo("Toy Story");
    assertThat(toyStory.year()).hasValue(1995);
    assertThat(toyStory.genres()).containsExactly("Animation", "Children's", "Comedy");
    assertThat(data.catalog().movies())
        .anySatisfy(movie -> assertThat(movie.title()).contains("\u00e9"));
  }

  @Test
  void readPredefinedSplit_u1ToU5_testsAreDisjointAndCoverTheData() throws IOException {
    Path directory = SharedDatasets.ml100k();
    Set<Long> seen = new HashSet<>();
    for (int fold = 1; fold <= 5; fold++) {
      SplitReadResult result =
          DatasetReader.readPredefinedSplit(directory, "u" + fold, ReadOptions.defaults());
      RatingDataset train = result.split().train();
      RatingDataset test = result.split().test();
      assertThat(train.size() + test.size()).isEqualTo(100_000);
      for (int row = 0; row < test.size(); row++) {
        long key = (long) test.rawUserId(row) << 32 | test.rawMovieId(row);
        assertThat(seen.add(key)).as("pair seen in two test folds").isTrue();
      }
      assertThat(result.testReport().skippedLines()).isZero();
    }
    assertThat(seen).hasSize(100_000);
  }

  @Test
  void readPredefinedSplit_ua_reportsNoColdUsers() throws IOException {
    SplitReadResult result =
        DatasetReader.readPredefinedSplit(SharedDatasets.ml100k(), "ua", ReadOptions.defaults());

    assertThat(result.split().test().size()).isEqualTo(9_430);
    assertThat(result.split().coldUsers().size()).isZero();
    assertThat(DatasetReader.predefinedSplits(SharedDatasets.ml100k()))
        .containsExactly("u1", "u2", "u3", "u4", "u5", "ua", "ub");
  }

  @Test
  void read_singleFileParallel_matchesOneThread() throws IOException {
    Path file = SharedDatasets.ml100k().resolve("u.data");
    RatingDataset one =
        DatasetReader.read(file, ReadOptions.builder().optParallelism(1).build()).dataset();
    RatingDataset many =
        DatasetReader.read(file, ReadOptions.builder().optParallelism(4).build()).dataset();

    assertThat(many.users()).isEqualTo(one.users());
    assertThat(many.movies()).isEqualTo(one.movies());
    assertThat(many.userIndices()).isEqualTo(one.userIndices());
    assertThat(many.movieIndices()).isEqualTo(one.movieIndices());
    assertThat(many.ratings()).isEqualTo(one.ratings());
  }
}
