package org.movierec.app.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.eval.Fold;
import org.movierec.data.ReadResult;

/** Loads the ratings commands work on: a file or directory, or the embedded sample. */
public interface DatasetSource {

  /**
   * Reads the ratings at a path, a dataset directory or a single ratings file, with what was read
   * and skipped.
   *
   * @throws IOException when the path cannot be read
   */
  ReadResult readResult(Path path) throws IOException;

  /**
   * Reads the ratings at a path: a dataset directory or a single ratings file.
   *
   * @throws IOException when the path cannot be read
   */
  default RatingDataset read(Path path) throws IOException {
    return readResult(path).dataset();
  }

  /**
   * Reads training ratings and test ratings from two files into one split whose sides share their
   * id indices; a test line repeating a training pair is refused.
   *
   * @throws IOException when a file cannot be read
   */
  TrainTest readSplit(Path train, Path test) throws IOException;

  /**
   * The predefined folds of a dataset directory, such as ml-100k's {@code u1.base}/{@code u1.test}
   * to {@code u5}.
   *
   * @throws IOException when the directory has no predefined folds or they cannot be read
   */
  List<Fold> predefinedFolds(Path directory) throws IOException;

  /**
   * The training files of a directory's predefined folds in fold order, such as ml-100k's {@code
   * u1.base} to {@code u5.base}, for work that must not see the test files; empty when the path is
   * not a directory with predefined folds.
   *
   * @throws IOException when the directory cannot be listed
   */
  List<Path> predefinedTrainingFiles(Path directory) throws IOException;

  /**
   * The embedded sample dataset with what was read, the same on every call; generated into the
   * cache directory on first use.
   *
   * @throws IOException when the cache directory cannot be written or read
   */
  ReadResult sampleResult() throws IOException;

  /**
   * The embedded sample dataset.
   *
   * @throws IOException when the cache directory cannot be written or read
   */
  default RatingDataset sample() throws IOException {
    return sampleResult().dataset();
  }

  /** What the sample is, for messages. */
  String sampleDescription();
}
