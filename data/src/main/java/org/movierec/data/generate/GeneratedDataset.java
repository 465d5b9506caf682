package org.movierec.data.generate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.movierec.data.Layout;

/**
 * What the generator wrote.
 *
 * @param directory the dataset directory, readable by {@code DatasetReader.read}
 * @param layout the layout of its files
 * @param files the files written, ratings first
 * @param users the number of users
 * @param movies the number of movies in the catalog
 * @param ratings the number of ratings
 */
public record GeneratedDataset(
    Path directory, Layout layout, List<Path> files, int users, int movies, long ratings) {

  /** Copies the file list and rejects missing parts. */
  public GeneratedDataset {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(layout, "layout");
    files = List.copyOf(files);
  }
}
