package org.movierec.data.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.movierec.core.data.RatingDataset;
import org.movierec.data.Layout;
import org.movierec.data.ReadResult;
import org.movierec.data.movielens.DatasetReader;
import org.movierec.data.movielens.MoviesWriter;
import org.movierec.data.movielens.RatingsWriter;

class RoundTripPropertiesTest {

  @Provide
  Arbitrary<GeneratorSpec> specs() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 40),
            Arbitraries.integers().between(1, 60),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.longs())
        .as(
            (users, movies, density, seed) ->
                GeneratorSpec.builder()
                    .setUsers(users)
                    .setMovies(movies)
                    .setRatings(users + Math.round(density * ((long) users * movies - users)))
                    .optSeed(seed)
                    .build());
  }

  @Property(tries = 60)
  void generateThenRead_givesTheSpecAndWritesBackTheSameBytes(
      @ForAll("specs") GeneratorSpec spec, @ForAll Layout layout) throws IOException {
    Path dir = Files.createTempDirectory("movierec-roundtrip");
    try {
      GeneratedDataset generated = DatasetGenerator.generate(spec, dir.resolve("gen"), layout);
      ReadResult result = DatasetReader.read(generated.directory());
      RatingDataset data = result.dataset();

      assertThat(result.report().layout()).isEqualTo(layout);
      assertThat(result.report().skippedLines()).isZero();
      assertThat(data.size()).isEqualTo(spec.ratings());
      assertThat(data.users().size()).isEqualTo(spec.users());
      assertThat(data.catalog().size()).isEqualTo(spec.movies());
      Set<Long> pairs = new HashSet<>();
      for (int row = 0; row < data.size(); row++) {
        assertThat(data.scale().allows(data.rating(row))).isTrue();
        assertThat(data.timestamp(row)).isBetween(spec.startEpochSeconds(), spec.endEpochSeconds());
        pairs.add((long) data.rawUserId(row) << 32 | data.rawMovieId(row));
      }
      assertThat(pairs).hasSize(data.size());

      Path back = Files.createDirectories(dir.resolve("back"));
      RatingsWriter.write(data, back.resolve(layout.ratingsFile()), layout);
      MoviesWriter.write(data.catalog().movies(), back, layout);
      for (String file : new String[] {layout.ratingsFile(), layout.moviesFile()}) {
        assertThat(Files.readAllBytes(back.resolve(file)))
            .as(file)
            .isEqualTo(Files.readAllBytes(generated.directory().resolve(file)));
      }
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
