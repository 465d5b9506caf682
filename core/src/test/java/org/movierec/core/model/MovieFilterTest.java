package org.movierec.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.data.MovieInfo;

class MovieFilterTest {

  private static final MovieCatalog CATALOG =
      MovieCatalog.of(
          List.of(
              new MovieInfo(1, "Toy Story", OptionalInt.of(1995), List.of("Animation", "Comedy")),
              new MovieInfo(2, "Alien", OptionalInt.of(1979), List.of("Horror", "Sci-Fi")),
              new MovieInfo(3, "Heat", OptionalInt.of(1995), List.of("Action")),
              new MovieInfo(4, "Untitled", OptionalInt.empty(), List.of("unknown"))));

  @Test
  void genre_anyLetterCase_admitsExactlyTheMoviesOfTheGenre() {
    MovieFilter sciFi = MovieFilter.genre(CATALOG, " sci-fi");

    assertThat(sciFi.accepts(2)).isTrue();
    assertThat(sciFi.accepts(1)).isFalse();
    assertThat(sciFi.accepts(99)).as("a movie the catalog does not list").isFalse();
  }

  @Test
  void genre_unknownName_listsTheKnownGenresAndTheNearest() {
    assertThatThrownBy(() -> MovieFilter.genre(CATALOG, "Comedi"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown genre 'Comedi'")
        .hasMessageContaining("did you mean 'Comedy'?")
        .hasMessageContaining("Action, Animation, Comedy, Horror, Sci-Fi")
        .hasMessageNotContaining("unknown,");
  }

  @Test
  void genre_catalogWithoutGenres_saysAMovieListIsNeeded() {
    assertThatThrownBy(() -> MovieFilter.genre(MovieCatalog.empty(), "Comedy"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no genres");
  }

  @Test
  void and_twoFilters_admitsWhatBothAdmit() {
    MovieFilter both = MovieFilter.genre(CATALOG, "Comedy").and(movie -> movie != 1);

    assertThat(both.accepts(1)).isFalse();
    assertThat(MovieFilter.genre(CATALOG, "Comedy").and(MovieFilter.ALL).accepts(1)).isTrue();
  }
}
