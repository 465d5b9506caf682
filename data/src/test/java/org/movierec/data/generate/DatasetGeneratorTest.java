package org.movierec.data.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.data.Layout;
import org.movierec.data.ReadResult;
import org.movierec.data.movielens.DatasetReader;

class DatasetGeneratorTest {

  @TempDir Path dir;

  @Test
  void generate_sampleShape_looksLikeMl100k() throws IOException {
    GeneratedDataset generated =
        DatasetGenerator.generate(GeneratorSpec.sampleShape(), dir, Layout.ML_100K);

    ReadResult result = DatasetReader.read(generated.directory());
    RatingDataset data = result.dataset();
    assertThat(data.size()).isEqualTo(100_000);
    assertThat(data.users().size()).isEqualTo(1_000);
    assertThat(data.movies().size()).isBetween(1_500, 1_700);
    assertThat(data.catalog().size()).isEqualTo(1_700);
    assertThat(data.scale()).isEqualTo(RatingScale.WHOLE_STARS);
    assertThat(data.meanRating()).isCloseTo(3.53, within(0.1));
    int[] perUser = new int[data.users().size()];
    int[] perMovie = new int[data.movies().size()];
    int fives = 0;
    for (int row = 0; row < data.size(); row++) {
      perUser[data.userIndex(row)]++;
      perMovie[data.movieIndex(row)]++;
      fives += data.rating(row) == 5f ? 1 : 0;
    }
    assertThat(fives / 100_000.0).isCloseTo(0.212, within(0.03));
    assertThat(java.util.Arrays.stream(perUser).min().orElseThrow()).isEqualTo(20);
    assertThat(java.util.Arrays.stream(perUser).max().orElseThrow()).isBetween(300, 850);
    assertThat(java.util.Arrays.stream(perMovie).filter(count -> count <= 2).count())
        .as("movies with one or two ratings")
        .isGreaterThan(20);
    assertThat(generated.files())
        .extracting(file -> file.getFileName().toString())
        .containsExactly("u.data", "u.item", "u.genre", "u.info");
  }

  @Test
  void generate_sameSpecTwice_sameBytes() throws IOException {
    GeneratorSpec spec =
        GeneratorSpec.builder().setUsers(50).setMovies(80).setRatings(1_500).optSeed(9).build();

    DatasetGenerator.generate(spec, dir.resolve("a"), Layout.CSV);
    DatasetGenerator.generate(spec, dir.resolve("b"), Layout.CSV);

    for (String file : new String[] {"ratings.csv", "movies.csv"}) {
      assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
          .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
    }
  }

  @Test
  void generate_otherSeed_otherRatings() throws IOException {
    GeneratorSpec spec =
        GeneratorSpec.builder().setUsers(50).setMovies(80).setRatings(1_500).build();

    DatasetGenerator.generate(spec, dir.resolve("a"), Layout.ML_1M);
    DatasetGenerator.generate(spec.toBuilder().optSeed(43).build(), dir.resolve("b"), Layout.ML_1M);

    assertThat(Files.readAllBytes(dir.resolve("b/ratings.dat")))
        .isNotEqualTo(Files.readAllBytes(dir.resolve("a/ratings.dat")));
  }

  @Test
  void generate_csvLayout_halfStarsAndQuotedTitles() throws IOException {
    GeneratorSpec spec =
        GeneratorSpec.builder().setUsers(200).setMovies(300).setRatings(8_000).build();

    DatasetGenerator.generate(spec, dir, Layout.CSV);

    RatingDataset data = DatasetReader.read(dir).dataset();
    assertThat(data.scale()).isEqualTo(RatingScale.HALF_STARS);
    assertThat(Files.readString(dir.resolve("movies.csv"))).contains(", The (");
    assertThat(data.catalog().movies())
        .anySatisfy(movie -> assertThat(movie.title()).contains(","));
  }

  @Test
  void generate_denseSpec_everyUserRatesEveryMovie() throws IOException {
    GeneratorSpec spec = GeneratorSpec.builder().setUsers(7).setMovies(5).setRatings(35).build();

    DatasetGenerator.generate(spec, dir, Layout.ML_100K);

    assertThat(DatasetReader.read(dir).dataset().size()).isEqualTo(35);
  }

  @Test
  void generate_declaredScale_ratingsOnIt() throws IOException {
    RatingScale tenStars = new RatingScale(1f, 10f, 1f);
    GeneratorSpec spec =
        GeneratorSpec.builder()
            .setUsers(30)
            .setMovies(40)
            .setRatings(600)
            .optScale(tenStars)
            .build();

    DatasetGenerator.generate(spec, dir, Layout.ML_1M);

    RatingDataset data =
        DatasetReader.read(dir, org.movierec.data.ReadOptions.builder().optScale(tenStars).build())
            .dataset();
    assertThat(data.ratings()).contains(10f).doesNotContain(0f);
  }

  @Test
  void generate_halfStarsInMl100k_refused() {
    GeneratorSpec spec =
        GeneratorSpec.builder()
            .setUsers(3)
            .setMovies(3)
            .setRatings(3)
            .optScale(RatingScale.HALF_STARS)
            .build();

    assertThatThrownBy(() -> DatasetGenerator.generate(spec, dir, Layout.ML_100K))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ml-100k layout holds whole ratings only");
  }

  @Test
  void spec_impossibleValues_allNamedAtOnce() {
    assertThatThrownBy(
            () ->
                GeneratorSpec.builder()
                    .setUsers(0)
                    .setMovies(-1)
                    .setRatings(5)
                    .optFactors(0)
                    .optTimeRange(10, 5)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("users must be at least 1")
        .hasMessageContaining("movies must be at least 1")
        .hasMessageContaining("factors must be between 1 and 64")
        .hasMessageContaining("time range");
    assertThatThrownBy(() -> GeneratorSpec.builder().setUsers(2).setMovies(2).setRatings(5).build())
        .hasMessageContaining("at most users * movies = 4");
  }
}
