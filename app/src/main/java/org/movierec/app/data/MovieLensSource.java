package org.movierec.app.data;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.movierec.core.eval.Fold;
import org.movierec.data.ReadOptions;
import org.movierec.data.ReadReport;
import org.movierec.data.ReadResult;
import org.movierec.data.generate.EmbeddedSample;
import org.movierec.data.movielens.DatasetReader;
import org.movierec.data.movielens.SplitReadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads datasets with the data module's MovieLens readers and the embedded generated sample; lines
 * skipped in lenient mode are always counted on stderr.
 */
final class MovieLensSource implements DatasetSource {

  private static final Logger LOG = LoggerFactory.getLogger(MovieLensSource.class);
  private static final Pattern FOLD_NAME = Pattern.compile("u(\\d+)");

  private final ReadOptions options;
  private ReadResult sample;

  MovieLensSource(ReadOptions options) {
    this.options = options;
  }

  @Override
  public ReadResult readResult(Path path) throws IOException {
    ReadResult result = DatasetReader.read(path, options);
    reportSkipped(result.report());
    return result;
  }

  @Override
  public TrainTest readSplit(Path train, Path test) throws IOException {
    SplitReadResult result = DatasetReader.readSplit(train, test, options);
    reportSkipped(result.trainReport());
    reportSkipped(result.testReport());
    return new TrainTest(result.split().train(), result.split().test(), "test file " + test);
  }

  @Override
  public List<Fold> predefinedFolds(Path directory) throws IOException {
    List<Fold> folds = new ArrayList<>();
    for (String name : foldNames(directory)) {
      SplitReadResult result = DatasetReader.readPredefinedSplit(directory, name, options);
      reportSkipped(result.trainReport());
      reportSkipped(result.testReport());
      folds.add(new Fold(foldNumber(name), result.split().train(), result.split().test()));
    }
    if (folds.isEmpty()) {
      throw new NoSuchFileException(
          directory.resolve("u1.base").toString(),
          null,
          "no predefined folds (u1.base, u1.test, ...) in " + directory + "; use --folds K");
    }
    return List.copyOf(folds);
  }

  @Override
  public List<Path> predefinedTrainingFiles(Path directory) throws IOException {
    return foldNames(directory).stream().map(name -> directory.resolve(name + ".base")).toList();
  }

  /** The names of the numbered predefined folds, {@code u1}, {@code u2}, ..., in fold order. */
  private static List<String> foldNames(Path directory) throws IOException {
    return DatasetReader.predefinedSplits(directory).stream()
        .filter(name -> FOLD_NAME.matcher(name).matches())
        .sorted(Comparator.comparingInt(MovieLensSource::foldNumber))
        .toList();
  }

  private static int foldNumber(String name) {
    Matcher fold = FOLD_NAME.matcher(name);
    if (!fold.matches()) {
      throw new IllegalArgumentException(name + " is not a numbered fold such as u1");
    }
    return Integer.parseInt(fold.group(1));
  }

  @Override
  public synchronized ReadResult sampleResult() throws IOException {
    if (sample == null) {
      sample = EmbeddedSample.load();
      reportSkipped(sample.report());
    }
    return sample;
  }

  @Override
  public String sampleDescription() {
    return String.format(
        Locale.ROOT,
        "the embedded sample: %,d generated ratings of %,d users on %,d movies",
        EmbeddedSample.SPEC.ratings(),
        EmbeddedSample.SPEC.users(),
        EmbeddedSample.SPEC.movies());
  }

  private static void reportSkipped(ReadReport report) {
    if (report.skippedLines() > 0) {
      LOG.warn(
          "{}: skipped {} bad lines ({})",
          report.files().get(0),
          report.skippedLines(),
          report.skippedSummary());
    }
  }
}
