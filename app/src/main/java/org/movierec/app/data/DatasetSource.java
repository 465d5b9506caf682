package org.movierec.app.data;

import java.io.IOException;
import java.nio.file.Path;
import org.movierec.core.data.RatingDataset;

/** Loads the ratings commands work on: a file or directory, or the embedded sample. */
public interface DatasetSource {

  /**
   * Reads the ratings at a path: a dataset directory or a single ratings file.
   *
   * @throws IOException when the path cannot be read
   */
  RatingDataset read(Path path) throws IOException;

  /** The embedded sample dataset, the same on every call. */
  RatingDataset sample();

  /** What the sample is, for messages. */
  String sampleDescription();
}
