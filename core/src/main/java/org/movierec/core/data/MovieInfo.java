package org.movierec.core.data;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a dataset tells about one movie besides its ratings, so that recommendations can show
 * titles.
 *
 * @param rawId the movie's id in the ratings files
 * @param title the title without the year, e.g. {@code Toy Story}
 * @param year the release year when the title or date gives one
 * @param genres the genre names, possibly empty
 */
public record MovieInfo(int rawId, String title, OptionalInt year, List<String> genres) {

  /** Copies the genres and rejects missing parts. */
  public MovieInfo {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(year, "year");
    genres = List.copyOf(genres);
  }

  /** The title followed by the year in parentheses when known, as MovieLens prints it. */
  public String displayTitle() {
    return year.isPresent() ? title + " (" + year.getAsInt() + ")" : title;
  }
}
