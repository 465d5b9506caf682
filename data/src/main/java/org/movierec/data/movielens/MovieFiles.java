package org.movierec.data.movielens;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.data.MovieInfo;
import org.movierec.data.DataFormatException;
import org.movierec.data.Layout;
import org.movierec.data.LineProblem;
import org.movierec.data.SkippedLine;

/** Reads movie metadata (title, year, genres) from {@code u.item}, {@code movies.dat} or CSV. */
final class MovieFiles {

  /** The ml-100k genres in flag order, used when {@code u.genre} is missing. */
  static final List<String> ML_100K_GENRES =
      List.of(
          "unknown",
          "Action",
          "Adventure",
          "Animation",
          "Children's",
          "Comedy",
          "Crime",
          "Documentary",
          "Drama",
          "Fantasy",
          "Film-Noir",
          "Horror",
          "Musical",
          "Mystery",
          "Romance",
          "Sci-Fi",
          "Thriller",
          "War",
          "Western");

  /** What MovieLens writes for a movie without genre. */
  static final String NO_GENRES = "(no genres listed)";

  private static final Pattern TITLE_YEAR =
      Pattern.compile("^(.*?)\\s*\\((\\d{4})(?:[-\u2013]\\d{0,4})?\\)\\s*$");
  private static final Pattern DATE_YEAR = Pattern.compile(".*\\b(\\d{4})$");
  private static final int ITEM_FIXED_FIELDS = 5;

  private MovieFiles() {}

  /** Reads the movie file of a layout, counting bad lines into {@code log}. */
  static MovieCatalog read(Path file, Layout layout, ProblemLog log) throws IOException {
    Catalog catalog = new Catalog(file, log);
    switch (layout) {
      case ML_100K -> readItems(file, readGenres(file.resolveSibling("u.genre")), catalog);
      case ML_1M -> readDat(file, catalog);
      case CSV -> readCsv(file, catalog);
    }
    return catalog.build();
  }

  /** Splits a MovieLens title such as {@code Toy Story (1995)} into title and year. */
  static MovieInfo movie(int id, String fullTitle, String date, List<String> genres) {
    Matcher matcher = TITLE_YEAR.matcher(fullTitle);
    if (matcher.matches() && !matcher.group(1).isEmpty()) {
      return new MovieInfo(
          id, matcher.group(1), OptionalInt.of(Integer.parseInt(matcher.group(2))), genres);
    }
    Matcher dateYear = DATE_YEAR.matcher(date);
    OptionalInt year =
        dateYear.matches()
            ? OptionalInt.of(Integer.parseInt(dateYear.group(1)))
            : OptionalInt.empty();
    return new MovieInfo(id, fullTitle.trim(), year, genres);
  }

  /** The genre names of {@code u.genre} in flag order, or the ml-100k ones when it is missing. */
  private static List<String> readGenres(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return ML_100K_GENRES;
    }
    List<String> lines = decode(file).lines().toList();
    Map<Integer, String> byIndex = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\\|", -1);
      int index = fields.length == 2 ? parseId(fields[1].trim()) : -1;
      if (index < 0 || byIndex.put(index, fields[0]) != null) {
        throw new DataFormatException(
            file,
            i + 1,
            LineProblem.BAD_MOVIE_LINE,
            "expected 'genre|index' with a new index",
            LineText.shorten(line));
      }
    }
    List<String> genres = new ArrayList<>();
    for (int index = 0; index < byIndex.size(); index++) {
      String genre = byIndex.get(index);
      if (genre == null) {
        throw new DataFormatException(
            file, 1, LineProblem.BAD_MOVIE_LINE, "genre index " + index + " is missing", "");
      }
      genres.add(genre);
    }
    return genres;
  }

  private static void readItems(Path file, List<String> genreNames, Catalog catalog)
      throws IOException {
    int expected = ITEM_FIXED_FIELDS + genreNames.size();
    List<String> lines = decode(file).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split("\\|", -1);
      if (fields.length != expected) {
        catalog.reject(
            i + 1, "expected " + expected + " '|'-separated fields, found " + fields.length, line);
        continue;
      }
      List<String> genres = new ArrayList<>();
      boolean flagsOk = true;
      for (int g = 0; g < genreNames.size(); g++) {
        String flag = fields[ITEM_FIXED_FIELDS + g];
        if ("1".equals(flag)) {
          genres.add(genreNames.get(g));
        } else if (!"0".equals(flag)) {
          flagsOk = false;
        }
      }
      if (!flagsOk) {
        catalog.reject(i + 1, "genre flags must be 0 or 1", line);
        continue;
      }
      catalog.add(i + 1, fields[0], fields[1], fields[2], genres, line);
    }
  }

  private static void readDat(Path file, Catalog catalog) throws IOException {
    List<String> lines = decode(file).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split("::", -1);
      if (fields.length != 3) {
        catalog.reject(i + 1, "expected 3 '::'-separated fields, found " + fields.length, line);
        continue;
      }
      catalog.add(i + 1, fields[0], fields[1], "", genres(fields[2]), line);
    }
  }

  private static void readCsv(Path file, Catalog catalog) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).build();
    // Decoded like the other movie files: a stray Latin-1 byte must not end the read with a bare
    // MalformedInputException, which names neither the file nor the line.
    try (Reader reader = new StringReader(decode(file));
        CSVParser parser = CSVParser.parse(reader, format)) {
      Iterator<CSVRecord> records = parser.iterator();
      long line = 1;
      boolean header = true;
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          throw new DataFormatException(
              file,
              line,
              LineProblem.BAD_MOVIE_LINE,
              "unreadable CSV, e.g. an unclosed quote: " + e.getMessage(),
              "");
        }
        String text = LineText.shorten(String.join(",", record));
        if (header) {
          header = false;
          if (record.size() != 3
              || !"movieId".equalsIgnoreCase(record.get(0).trim())
              || !"title".equalsIgnoreCase(record.get(1).trim())) {
            throw new DataFormatException(
                file,
                line,
                LineProblem.BAD_HEADER,
                "expected the header movieId,title,genres",
                text);
          }
        } else if (record.size() != 3) {
          catalog.reject(line, "expected 3 comma-separated fields, found " + record.size(), text);
        } else {
          catalog.add(line, record.get(0), record.get(1), "", genres(record.get(2)), text);
        }
        line = parser.getCurrentLineNumber() + 1;
      }
    }
  }

  private static List<String> genres(String field) {
    String trimmed = field.trim();
    if (trimmed.isEmpty() || NO_GENRES.equals(trimmed)) {
      return List.of();
    }
    return List.of(trimmed.split("\\|"));
  }

  /** The file's text: UTF-8 when it is valid UTF-8, ISO-8859-1 otherwise, without a BOM. */
  static String decode(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      text = new String(bytes, StandardCharsets.ISO_8859_1);
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static int parseId(String text) {
    if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    long value = Long.parseLong(text);
    return value > Integer.MAX_VALUE ? -1 : (int) value;
  }

  /** Collects movies of one file, refusing bad ids and ids listed twice. */
  private static final class Catalog {
    private final Path file;
    private final ProblemLog log;
    private final Map<Integer, Long> lineOfId = new HashMap<>();
    private final List<MovieInfo> movies = new ArrayList<>();
    private final Map<List<String>, List<String>> genreLists = new HashMap<>();

    Catalog(Path file, ProblemLog log) {
      this.file = file;
      this.log = log;
    }

    void add(long line, String id, String title, String date, List<String> genres, String text) {
      int movieId = parseId(id.trim());
      if (movieId < 0) {
        reject(
            line,
            "movie id '" + id + "' is not a whole number from 0 to " + Integer.MAX_VALUE,
            text);
        return;
      }
      Long earlier = lineOfId.putIfAbsent(movieId, line);
      if (earlier != null) {
        reject(
            line, "movie id " + movieId + " is listed again (first on line " + earlier + ")", text);
        return;
      }
      movies.add(movie(movieId, title, date.trim(), shared(genres)));
    }

    /**
     * The one list of these genres this catalog holds: movies share genre lists and names, which
     * saves tens of megabytes on ml-25m's 62,000 movies.
     */
    private List<String> shared(List<String> genres) {
      return genreLists.computeIfAbsent(genres, List::copyOf);
    }

    void reject(long line, String detail, String text) {
      log.report(
          new SkippedLine(file, line, LineProblem.BAD_MOVIE_LINE, detail, LineText.shorten(text)));
    }

    MovieCatalog build() {
      return MovieCatalog.of(movies);
    }
  }
}
