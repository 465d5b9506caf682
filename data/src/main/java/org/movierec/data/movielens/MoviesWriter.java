package org.movierec.data.movielens;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.movierec.core.data.MovieInfo;
import org.movierec.data.Layout;

/**
 * Writes movie metadata in a MovieLens layout: {@code u.item} with {@code u.genre}, {@code
 * movies.dat}, or {@code movies.csv} with quoting where titles need it.
 */
public final class MoviesWriter {

  private MoviesWriter() {}

  /**
   * Writes the layout's movie file (and {@code u.genre} for ml-100k) into {@code directory}; the
   * text is ISO-8859-1 for ml-100k and ml-1m as GroupLens ships them, unless a title needs UTF-8.
   *
   * @return the files written
   * @throws IllegalArgumentException when a title holds a line break or the layout's separator
   */
  public static List<Path> write(Collection<MovieInfo> movies, Path directory, Layout layout)
      throws IOException {
    for (MovieInfo movie : movies) {
      checkTitle(movie, layout);
    }
    Path file = directory.resolve(layout.moviesFile());
    return switch (layout) {
      case ML_100K -> writeItems(movies, file);
      case ML_1M -> {
        StringBuilder text = new StringBuilder();
        for (MovieInfo movie : movies) {
          text.append(movie.rawId()).append("::").append(movie.displayTitle()).append("::");
          text.append(
              movie.genres().isEmpty() ? MovieFiles.NO_GENRES : String.join("|", movie.genres()));
          text.append('\n');
        }
        Files.writeString(file, text, charsetFor(text));
        yield List.of(file);
      }
      case CSV -> {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            CSVPrinter printer =
                new CSVPrinter(
                    writer, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
          printer.printRecord("movieId", "title", "genres");
          for (MovieInfo movie : movies) {
            printer.printRecord(
                movie.rawId(),
                movie.displayTitle(),
                movie.genres().isEmpty() ? MovieFiles.NO_GENRES : String.join("|", movie.genres()));
          }
        }
        yield List.of(file);
      }
    };
  }

  private static List<Path> writeItems(Collection<MovieInfo> movies, Path file) throws IOException {
    List<String> genres = new ArrayList<>(MovieFiles.ML_100K_GENRES);
    for (MovieInfo movie : movies) {
      for (String genre : movie.genres()) {
        if (!genres.contains(genre)) {
          genres.add(genre);
        }
      }
    }
    StringBuilder text = new StringBuilder();
    for (MovieInfo movie : movies) {
      text.append(movie.rawId()).append('|').append(movie.displayTitle()).append('|');
      movie.year().ifPresent(year -> text.append(releaseDate(movie.rawId(), year)));
      text.append("||");
      for (String genre : genres) {
        text.append('|').append(movie.genres().contains(genre) ? '1' : '0');
      }
      text.append('\n');
    }
    Files.writeString(file, text, charsetFor(text));
    StringBuilder genreText = new StringBuilder();
    for (int i = 0; i < genres.size(); i++) {
      genreText.append(genres.get(i)).append('|').append(i).append('\n');
    }
    genreText.append('\n');
    Path genreFile = file.resolveSibling("u.genre");
    Files.writeString(genreFile, genreText, charsetFor(genreText));
    return List.of(file, genreFile);
  }

  private static void checkTitle(MovieInfo movie, Layout layout) {
    String title = movie.displayTitle();
    boolean clash =
        title.contains("\n")
            || title.contains("\r")
            || (layout == Layout.ML_100K && title.contains("|"))
            || (layout == Layout.ML_1M && title.contains("::"));
    if (clash) {
      throw new IllegalArgumentException(
          "movie "
              + movie.rawId()
              + " has a title the "
              + layout
              + " layout cannot hold: "
              + title);
    }
  }

  /** A release date in the ml-100k form {@code 01-Jan-1995}, varied by movie id. */
  private static String releaseDate(int id, int year) {
    Month month = Month.of(1 + Math.floorMod(id, 12));
    int day = 1 + Math.floorMod(id * 7, 28);
    return String.format(
        Locale.ROOT,
        "%02d-%s-%d",
        day,
        month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH),
        year);
  }

  private static Charset charsetFor(CharSequence text) {
    return StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)
        ? StandardCharsets.ISO_8859_1
        : StandardCharsets.UTF_8;
  }
}
