package org.movierec.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.movierec.core.data.RatingScale;
import org.movierec.core.model.MovieRating;

class UserRatingsFileTest {

  @TempDir Path dir;

  private Path file(String content) throws IOException {
    return Files.writeString(dir.resolve("mine.csv"), content);
  }

  @Test
  void read_headerCommentsAndSeparators_givesThePairsInOrder() throws IOException {
    Path file = file("# my favourites\nmovieId,rating\n50,5\n\n181\t4\n  172   4.5 \n7, 1\n");

    assertThat(UserRatingsFile.read(file, RatingScale.WHOLE_STARS))
        .containsExactly(
            new MovieRating(50, 5),
            new MovieRating(181, 4),
            new MovieRating(172, 4.5f),
            new MovieRating(7, 1));
  }

  @Test
  void read_badLines_nameFileLineAndText() throws IOException {
    assertThatThrownBy(() -> UserRatingsFile.read(file("50,5\n181,x\n"), RatingScale.WHOLE_STARS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mine.csv line 2: rating 'x' is not a number: \"181,x\"");
    assertThatThrownBy(() -> UserRatingsFile.read(file("50,5\n-3,4\n"), RatingScale.WHOLE_STARS))
        .hasMessageContaining("line 2: movie id '-3' is not a whole number >= 0");
    assertThatThrownBy(() -> UserRatingsFile.read(file("50,9\n"), RatingScale.WHOLE_STARS))
        .hasMessageContaining("line 1: rating 9 is outside the model's scale 1.0..5.0: \"50,9\"");
    assertThatThrownBy(() -> UserRatingsFile.read(file("50,5,3\n"), RatingScale.WHOLE_STARS))
        .hasMessageContaining("line 1: 3 fields instead of 2");
    assertThatThrownBy(
            () -> UserRatingsFile.read(file("50,5\n7,2\n50,1\n"), RatingScale.WHOLE_STARS))
        .hasMessageContaining("line 3: movie 50 is already rated on line 1");
  }

  @Test
  void read_noRatings_saysSo() throws IOException {
    assertThatThrownBy(
            () -> UserRatingsFile.read(file("movie,rating\n# none yet\n"), RatingScale.WHOLE_STARS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mine.csv holds no ratings");
  }
}
