package org.movierec.data.movielens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.movierec.core.data.ColumnarRatings;
import org.movierec.core.data.IdIndex;
import org.movierec.core.data.MovieCatalog;
import org.movierec.core.data.RatingScale;
import org.movierec.data.DataFormatException;
import org.movierec.data.Layout;
import org.movierec.data.LineProblem;
import org.movierec.data.ReadOptions;
import org.movierec.data.ReadReport;
import org.movierec.data.ReadResult;
import org.movierec.data.SkippedLine;
import org.movierec.data.split.Split;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads MovieLens datasets of every layout into {@link ColumnarRatings}: a dataset directory, a
 * single ratings file, or a predefined train/test pair that shares one id index.
 */
public final class DatasetReader {

  private static final Logger LOG = LoggerFactory.getLogger(DatasetReader.class);

  private DatasetReader() {}

  /** Reads a dataset directory or ratings file with {@link ReadOptions#defaults()}. */
  public static ReadResult read(Path path) throws IOException {
    return read(path, ReadOptions.defaults());
  }

  /**
   * Reads a dataset directory ({@code u.data}, {@code ratings.dat} or {@code ratings.csv} with the
   * movie file beside it) or a single ratings file whose layout shows in its content.
   *
   * @throws DataFormatException naming the file and line of bad input
   * @throws NoSuchFileException when no ratings file is found
   * @throws org.movierec.data.DatasetTooLargeException when the ratings would not fit in the heap,
   *     saying how much they need, before they are parsed
   */
  public static ReadResult read(Path path, ReadOptions options) throws IOException {
    LayoutDetector.Source source = LayoutDetector.resolve(path, options.layout());
    ProblemLog log = new ProblemLog(options.onBadLine());
    IdMaps ids = IdMaps.fresh();
    RatingsLoad load = load(source, options, log, ids);
    RatingScale scale = scale(source.layout(), options, load.needsHalfStars());
    List<Path> files = new ArrayList<>(List.of(source.ratings()));
    MovieCatalog catalog = catalog(source, options, log, files);
    IdIndex movieIndex = ids.movies().freeze();
    warnAboutMoviesWithoutMetadata(movieIndex, catalog, source);
    ColumnarRatings dataset =
        new ColumnarRatings(
            load.columns().toColumns(), ids.users().freeze(), movieIndex, scale, catalog);
    return new ReadResult(dataset, report(files, source.layout(), load.lines(), log));
  }

  /**
   * Reads a training file and a test file into one {@link Split} whose two sides share one id
   * index: training ids come first, in order of first appearance, then ids seen only in the test
   * file, which the split reports as cold start. A test line repeating a training (user, movie)
   * pair is a bad line, since it would leak the answer into training.
   *
   * @throws DataFormatException naming the file and line of bad input
   */
  public static SplitReadResult readSplit(Path train, Path test, ReadOptions options)
      throws IOException {
    LayoutDetector.Source trainSource = LayoutDetector.resolve(train, options.layout());
    LayoutDetector.Source testSource =
        LayoutDetector.resolve(test, options.layout().or(() -> Optional.of(trainSource.layout())));
    ProblemLog trainLog = new ProblemLog(options.onBadLine());
    ProblemLog testLog = new ProblemLog(options.onBadLine());
    IdMaps ids = IdMaps.fresh();
    RatingsLoad trainLoad = load(trainSource, options, trainLog, ids);
    RatingsLoad testLoad = load(testSource, options, testLog, ids);
    dropLeaks(trainLoad, testLoad, rules(testSource.layout(), options), testLog, ids);
    RatingScale scale =
        scale(
            trainSource.layout(), options, trainLoad.needsHalfStars() || testLoad.needsHalfStars());
    List<Path> trainFiles = new ArrayList<>(List.of(trainSource.ratings()));
    MovieCatalog catalog = catalog(trainSource, options, trainLog, trainFiles);
    IdIndex userIndex = ids.users().freeze();
    IdIndex movieIndex = ids.movies().freeze();
    warnAboutMoviesWithoutMetadata(movieIndex, catalog, trainSource);
    ColumnarRatings trainSet =
        new ColumnarRatings(trainLoad.columns().toColumns(), userIndex, movieIndex, scale, catalog);
    ColumnarRatings testSet =
        new ColumnarRatings(testLoad.columns().toColumns(), userIndex, movieIndex, scale, catalog);
    return new SplitReadResult(
        Split.of(trainSet, testSet),
        report(trainFiles, trainSource.layout(), trainLoad.lines(), trainLog),
        report(List.of(testSource.ratings()), testSource.layout(), testLoad.lines(), testLog));
  }

  /**
   * Reads a predefined split of a dataset directory by name, e.g. {@code u1} for {@code u1.base}
   * and {@code u1.test} of ml-100k.
   *
   * @throws NoSuchFileException naming the splits the directory has when {@code name} is not one
   */
  public static SplitReadResult readPredefinedSplit(
      Path directory, String name, ReadOptions options) throws IOException {
    Path train = directory.resolve(name + ".base");
    Path test = directory.resolve(name + ".test");
    if (!Files.isRegularFile(train) || !Files.isRegularFile(test)) {
      throw new NoSuchFileException(
          train.toString(),
          test.toString(),
          "no predefined split '" + name + "'; this directory has: " + predefinedSplits(directory));
    }
    return readSplit(train, test, options);
  }

  /** The names of the predefined splits in a directory, e.g. {@code [u1, u2, ua]}. */
  public static List<String> predefinedSplits(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".base"))
          .map(name -> name.substring(0, name.length() - ".base".length()))
          .filter(name -> Files.isRegularFile(directory.resolve(name + ".test")))
          .sorted()
          .toList();
    }
  }

  /**
   * The layout of a dataset directory or ratings file, as {@link #read(Path, ReadOptions)} would
   * detect it.
   */
  public static Layout detectLayout(Path path) throws IOException {
    return LayoutDetector.resolve(path, Optional.empty()).layout();
  }

  /**
   * The ratings file of a dataset directory or ratings file, as {@link #read(Path, ReadOptions)}
   * would find it, for readers that parse it themselves.
   *
   * @throws NoSuchFileException when no ratings file is found
   */
  public static Path ratingsFile(Path path) throws IOException {
    return LayoutDetector.resolve(path, Optional.empty()).ratings();
  }

  private static RatingsLoad load(
      LayoutDetector.Source source, ReadOptions options, ProblemLog log, IdMaps ids)
      throws IOException {
    return RatingsLoad.of(
        source.ratings(), rules(source.layout(), options), log, options.parallelism(), ids);
  }

  /** The layout and the scale every rating is checked against while parsing. */
  private static LineRules rules(Layout layout, ReadOptions options) {
    RatingScale scale =
        options
            .scale()
            .orElse(layout == Layout.ML_100K ? RatingScale.WHOLE_STARS : RatingScale.HALF_STARS);
    return new LineRules(layout, scale);
  }

  /** The dataset's scale: declared, whole stars for ml-100k, otherwise as the ratings show. */
  private static RatingScale scale(Layout layout, ReadOptions options, boolean needsHalfStars) {
    if (options.scale().isPresent()) {
      return options.scale().get();
    }
    return layout == Layout.ML_100K || !needsHalfStars
        ? RatingScale.WHOLE_STARS
        : RatingScale.HALF_STARS;
  }

  private static MovieCatalog catalog(
      LayoutDetector.Source source, ReadOptions options, ProblemLog log, List<Path> files)
      throws IOException {
    if (!options.readCatalog() || source.movies().isEmpty()) {
      return MovieCatalog.empty();
    }
    files.add(source.movies().get());
    return MovieFiles.read(source.movies().get(), source.layout(), log);
  }

  /**
   * Logs how many rated movies the movie file does not list: their ratings are kept, since the
   * ratings are the data and the movie file only describes them, but they have no title.
   */
  private static void warnAboutMoviesWithoutMetadata(
      IdIndex movies, MovieCatalog catalog, LayoutDetector.Source source) {
    if (catalog.isEmpty()) {
      return;
    }
    int missing = 0;
    int example = 0;
    for (int dense = 0; dense < movies.size(); dense++) {
      if (catalog.find(movies.rawId(dense)).isEmpty()) {
        example = missing == 0 ? movies.rawId(dense) : example;
        missing++;
      }
    }
    if (missing > 0) {
      LOG.warn(
          "{} of {} rated movies, e.g. movie {}, are not listed in {}; their ratings are kept and"
              + " they are shown by id, without title",
          missing,
          movies.size(),
          example,
          source.movies().map(Path::toString).orElse("the movie file"));
    }
  }

  /** Refuses or drops test rows that repeat a training pair. */
  private static void dropLeaks(
      RatingsLoad train, RatingsLoad test, LineRules rules, ProblemLog log, IdMaps ids)
      throws IOException {
    int trainRows = train.size();
    RatingColumns both = new RatingColumns(trainRows + test.size());
    System.arraycopy(train.columns().users, 0, both.users, 0, trainRows);
    System.arraycopy(train.columns().movies, 0, both.movies, 0, trainRows);
    System.arraycopy(test.columns().users, 0, both.users, trainRows, test.size());
    System.arraycopy(test.columns().movies, 0, both.movies, trainRows, test.size());
    int[] repeated =
        DuplicatePairs.find(both.users, both.movies, ids.users().size(), ids.movies().size());
    if (repeated.length == 0) {
      return;
    }
    Map<Long, PairLines> wanted =
        RatingsLoad.pairsOf(both, repeated, log.failsFast() ? 1 : ProblemLog.MAX_EXAMPLES, ids);
    Map<Long, PairLines> inTrain = new HashMap<>();
    wanted.keySet().forEach(key -> inTrain.put(key, new PairLines()));
    RatingsFileParser.locate(train.file(), rules, inTrain);
    RatingsFileParser.locate(test.file(), rules, wanted);
    int reported = 0;
    for (Map.Entry<Long, PairLines> entry : wanted.entrySet()) {
      String where = "in " + train.file() + " line " + inTrain.get(entry.getKey()).firstLine();
      log.report(
          new SkippedLine(
              test.file(),
              entry.getValue().firstLine(),
              LineProblem.DUPLICATE_PAIR,
              RatingsLoad.describe(entry.getKey(), where),
              entry.getValue().firstText()));
      reported++;
    }
    log.count(LineProblem.DUPLICATE_PAIR, repeated.length - reported);
    int[] testRows = new int[repeated.length];
    for (int i = 0; i < repeated.length; i++) {
      testRows[i] = repeated[i] - trainRows;
    }
    test.columns().remove(testRows);
  }

  private static ReadReport report(List<Path> files, Layout layout, long lines, ProblemLog log) {
    return new ReadReport(files, layout, lines, log.counts(), log.examples());
  }
}
