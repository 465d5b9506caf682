package org.movierec.data.movielens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.data.MovieInfo;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.data.RatingScale;
import org.movierec.data.Layout;
import org.movierec.data.ReadOptions;
import org.movierec.data.ReadResult;

class LayoutsTest {

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void read_ml100kDirectory_readsLatin1ItemsWithGenresFromGenreFile() throws IOException {
    write("u.data", "1\t10\t4\t881250949\n2\t10\t5\t881250950\n2\t20\t1\t881250951\n");
    write("u.genre", "Drama|0\nComedy|1\n\n");
    Files.write(
        dir.resolve("u.item"),
        ("10|Am\u00e9lie (2001)|01-Jan-2001||http://x|0|1\n"
                + "20|Untitled|05-Mar-1997||http://y|1|1\n")
            .getBytes(StandardCharsets.ISO_8859_1));

    ReadResult result = DatasetReader.read(dir);

    RatingDataset data = result.dataset();
    assertThat(data.size()).isEqualTo(3);
    assertThat(data.users().rawIds()).containsExactly(1, 2);
    assertThat(data.movies().rawIds()).containsExactly(10, 20);
    MovieInfo amelie = data.catalog().find(10).orElseThrow();
    assertThat(amelie.title()).isEqualTo("Am\u00e9lie");
    assertThat(amelie.year()).hasValue(2001);
    assertThat(amelie.genres()).containsExactly("Comedy");
    MovieInfo untitled = data.catalog().find(20).orElseThrow();
    assertThat(untitled.year()).hasValue(1997);
    assertThat(untitled.genres()).containsExactly("Drama", "Comedy");
    assertThat(result.report().files())
        .containsExactly(dir.resolve("u.data"), dir.resolve("u.item"));
  }

  @Test
  void read_ml1mDirectory_readsDoubleColonFilesInLatin1() throws IOException {
    write("ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n");
    Files.write(
        dir.resolve("movies.dat"),
        ("1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n"
                + "661::Caf\u00e9 au lait (1993)::Comedy|Drama\n")
            .getBytes(StandardCharsets.ISO_8859_1));

    ReadResult result = DatasetReader.read(dir);

    assertThat(result.report().layout()).isEqualTo(Layout.ML_1M);
    assertThat(result.dataset().size()).isEqualTo(3);
    assertThat(result.dataset().scale()).isEqualTo(RatingScale.WHOLE_STARS);
    MovieInfo cafe = result.dataset().catalog().find(661).orElseThrow();
    assertThat(cafe.title()).isEqualTo("Caf\u00e9 au lait");
    assertThat(cafe.genres()).containsExactly("Comedy", "Drama");
  }

  @Test
  void read_ml10mHalfStars_detectsHalfStarScale() throws IOException {
    write("ratings.dat", "1::122::5::838985046\n1::185::4.5::838983525\n2::122::0.5::838983392\n");

    RatingDataset data = DatasetReader.read(dir).dataset();

    assertThat(data.scale()).isEqualTo(RatingScale.HALF_STARS);
    assertThat(data.ratings()).containsExactly(5f, 4.5f, 0.5f);
  }

  @Test
  void read_csvDirectory_readsQuotedTitlesWithCommasAndQuotes() throws IOException {
    write(
        "ratings.csv", "userId,movieId,rating,timestamp\n1,2,3.5,1112486027\n1,3,4.0,1112484676\n");
    write(
        "movies.csv",
        "movieId,title,genres\n"
            + "2,\"Good, the Bad and the Ugly, The (1966)\",Action|Western\n"
            + "3,\"The \"\"Quoted\"\" Film (2001)\",Drama\n"
            + "4,No Year Film,(no genres listed)\n");

    ReadResult result = DatasetReader.read(dir);

    assertThat(result.report().layout()).isEqualTo(Layout.CSV);
    RatingDataset data = result.dataset();
    assertThat(data.scale()).isEqualTo(RatingScale.HALF_STARS);
    assertThat(data.catalog().find(2).orElseThrow().title())
        .isEqualTo("Good, the Bad and the Ugly, The");
    assertThat(data.catalog().find(2).orElseThrow().genres()).containsExactly("Action", "Western");
    assertThat(data.catalog().find(3).orElseThrow().title()).isEqualTo("The \"Quoted\" Film");
    MovieInfo noYear = data.catalog().find(4).orElseThrow();
    assertThat(noYear.year()).isEmpty();
    assertThat(noYear.genres()).isEmpty();
  }

  @Test
  void read_csvWithWholeRatingsOnly_detectsWholeStars() throws IOException {
    Path file = write("ratings.csv", "userId,movieId,rating,timestamp\n1,2,3.0,1\n1,3,4,2\n");

    assertThat(DatasetReader.read(file).dataset().scale()).isEqualTo(RatingScale.WHOLE_STARS);
  }

  @Test
  void detectLayout_singleFiles_followsContent() throws IOException {
    assertThat(DatasetReader.detectLayout(write("a.txt", "1\t2\t3\t4\n")))
        .isEqualTo(Layout.ML_100K);
    assertThat(DatasetReader.detectLayout(write("b.txt", "1::2::3::4\n"))).isEqualTo(Layout.ML_1M);
    assertThat(DatasetReader.detectLayout(write("c.txt", "\nuserId,movieId,rating,timestamp\n")))
        .isEqualTo(Layout.CSV);
    assertThat(DatasetReader.detectLayout(write("d.txt", "1,2,3,4\n"))).isEqualTo(Layout.CSV);
  }

  @Test
  void read_headerlessCsv_readsAllLines() throws IOException {
    Path file = write("split.csv", "1,2,3.5,10\n2,2,4,11\n");

    assertThat(DatasetReader.read(file).dataset().size()).isEqualTo(2);
  }

  @Test
  void read_declaredScale_acceptsRatingsOnIt() throws IOException {
    Path file = write("r.csv", "userId,movieId,rating,timestamp\n1,2,7,10\n2,2,10,11\n");
    RatingScale tenStars = new RatingScale(1f, 10f, 1f);

    RatingDataset data =
        DatasetReader.read(file, ReadOptions.builder().optScale(tenStars).build()).dataset();

    assertThat(data.scale()).isEqualTo(tenStars);
    assertThat(data.ratings()).containsExactly(7f, 10f);
  }

  @Test
  void read_directoryWithOneDatasetInside_findsIt() throws IOException {
    write("ml-latest-small/ratings.csv", "userId,movieId,rating,timestamp\n1,2,3.5,10\n");

    ReadResult result = DatasetReader.read(dir);

    assertThat(result.dataset().size()).isEqualTo(1);
    assertThat(result.report().files()).containsExactly(dir.resolve("ml-latest-small/ratings.csv"));
  }

  @Test
  void read_directoryWithoutRatings_namesExpectedFiles() {
    assertThatThrownBy(() -> DatasetReader.read(dir))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("u.data")
        .hasMessageContaining("ratings.csv");
  }

  @Test
  void read_withoutCatalog_leavesCatalogEmpty() throws IOException {
    write("ratings.dat", "1::1::5::978300760\n");
    write("movies.dat", "1::Toy Story (1995)::Animation\n");

    ReadResult result =
        DatasetReader.read(dir, ReadOptions.builder().optReadCatalog(false).build());

    assertThat(result.dataset().catalog().isEmpty()).isTrue();
    assertThat(result.report().files()).containsExactly(dir.resolve("ratings.dat"));
  }
}
