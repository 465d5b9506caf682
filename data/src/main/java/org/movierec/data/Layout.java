package org.movierec.data;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three file layouts MovieLens has shipped, named by the datasets that use them. */
public enum Layout {
  /** ml-100k: tab-separated {@code u.data}, pipe-separated ISO-8859-1 {@code u.item}. */
  ML_100K("ml-100k", "u.data", "u.item", "\t", List.of("ml-100k")),
  /** ml-1m and ml-10m: {@code ::}-separated {@code ratings.dat} and {@code movies.dat}. */
  ML_1M("ml-1m", "ratings.dat", "movies.dat", "::", List.of("ml-1m", "ml-10m", "dat")),
  /** ml-20m and later: {@code ratings.csv} and {@code movies.csv} with a header row. */
  CSV(
      "csv",
      "ratings.csv",
      "movies.csv",
      ",",
      List.of("csv", "ml-20m", "ml-25m", "ml-32m", "ml-latest", "ml-latest-small"));

  private final String id;
  private final String ratingsFile;
  private final String moviesFile;
  private final String separator;
  private final List<String> names;

  Layout(String id, String ratingsFile, String moviesFile, String separator, List<String> names) {
    this.id = id;
    this.ratingsFile = ratingsFile;
    this.moviesFile = moviesFile;
    this.separator = separator;
    this.names = names;
  }

  /**
   * The layout with this name or the name of a dataset that uses it ({@code ml-10m}, {@code
   * ml-25m}, ...), ignoring case.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Layout parse(String name) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    for (Layout layout : values()) {
      if (layout.names.contains(key)) {
        return layout;
      }
    }
    String known =
        Arrays.stream(values())
            .flatMap(layout -> layout.names.stream())
            .collect(Collectors.joining(", "));
    throw new IllegalArgumentException("unknown layout '" + name + "'; known: " + known);
  }

  /** The short name used on the command line: {@code ml-100k}, {@code ml-1m} or {@code csv}. */
  public String id() {
    return id;
  }

  /** The name of the ratings file in a dataset directory of this layout. */
  public String ratingsFile() {
    return ratingsFile;
  }

  /** The name of the movie metadata file in a dataset directory of this layout. */
  public String moviesFile() {
    return moviesFile;
  }

  /** The text between two fields of a ratings line. */
  public String separator() {
    return separator;
  }

  /** A printable name of the separator, e.g. {@code tab} or {@code '::'}. */
  public String separatorName() {
    return "\t".equals(separator) ? "tab" : "'" + separator + "'";
  }

  @Override
  public String toString() {
    return id;
  }
}
