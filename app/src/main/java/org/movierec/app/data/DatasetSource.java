package org.movierec.app.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.movierec.core.data.RatingDataset;
import org.movierec.core.eval.Fold;

/** Loads the ratings commands work on: a file or directory, or the embedded sample. */
public interface DatasetSource {

  /**
   * Reads the ratings at a path: a dataset directory or a single ratings file.
   *
   * @throws IOException when the path cannot be read
   */
  RatingDataset read(Path path) throws IOException;

  /**
   * The predefined folds of a dataset directory, such as ml-100k's {@code u1.base}/{@code u1.test}
   * to {@code u5}.
   *
   * @throws IOException when the directory has no predefined folds or they cannot be read
   */
  List<Fold> predefinedFolds(Path directory) throws IOException;

  /**
   * The embedded sample dataset, the same on every call; generated into the cache directory on
   * first use.
   *
   * @throws IOException when the cache directory cannot be written or read
   */
  RatingDataset sample() throws IOException;

  /** What the sample is, for messages. */
  String sampleDescription();
}
