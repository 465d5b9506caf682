package org.movierec.data.generate;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.movierec.data.CacheDirectory;
import org.movierec.data.Layout;
import org.movierec.data.ReadResult;
import org.movierec.data.movielens.DatasetReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default dataset: a generated sample of MovieLens' ml-100k shape (1,000 users, 1,700 movies,
 * 100,000 ratings, ml-100k layout), written on first use into the cache directory. It is the same
 * on every machine, since the generator is deterministic by seed, and needs no download or license.
 */
public final class EmbeddedSample {

  /** What the sample is generated from. */
  public static final GeneratorSpec SPEC = GeneratorSpec.sampleShape();

  /** Bumped whenever the generator's output changes, so stale caches are not reused. */
  static final int GENERATOR_VERSION = 1;

  /** The name of the sample's directory inside the cache directory. */
  public static final String DIRECTORY_NAME = "sample-v" + GENERATOR_VERSION;

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSample.class);

  private EmbeddedSample() {}

  /** The sample's directory in {@link CacheDirectory#defaultPath()}, generated if missing. */
  public static Path path() throws IOException {
    return path(CacheDirectory.defaultPath());
  }

  /**
   * The sample's directory inside {@code cacheDirectory}, generated if missing. Generation goes to
   * a temporary directory that is renamed into place, so a crash or a concurrent first use never
   * leaves a half-written sample.
   */
  public static Path path(Path cacheDirectory) throws IOException {
    Path target = cacheDirectory.resolve(DIRECTORY_NAME);
    if (Files.isRegularFile(target.resolve(Layout.ML_100K.ratingsFile()))) {
      return target;
    }
    Files.createDirectories(cacheDirectory);
    Path temporary = Files.createTempDirectory(cacheDirectory, "." + DIRECTORY_NAME + "-");
    try {
      LOG.info("Generating the sample dataset into {}", target);
      DatasetGenerator.generate(SPEC, temporary, Layout.ML_100K);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target);
      }
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      LOG.debug("Another process generated the sample first", e);
    } finally {
      CacheDirectory.deleteTree(temporary);
    }
    return target;
  }

  /** Reads the sample from {@link CacheDirectory#defaultPath()}, generating it if missing. */
  public static ReadResult load() throws IOException {
    return DatasetReader.read(path());
  }

  /** Reads the sample from {@code cacheDirectory}, generating it if missing. */
  public static ReadResult load(Path cacheDirectory) throws IOException {
    return DatasetReader.read(path(cacheDirectory));
  }
}
