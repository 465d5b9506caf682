package org.movierec.data.download;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A dataset in the cache, just downloaded or found there.
 *
 * @param dataset which dataset
 * @param directory its directory, readable by {@code DatasetReader.read}
 * @param alreadyPresent whether it was in the cache already, so nothing was downloaded
 * @param archiveBytes the size of the verified archive, or 0 when nothing was downloaded
 * @param md5 the verified MD5 checksum of the archive, in lower-case hex
 * @param licenseNotice the license terms to show the user
 */
public record DownloadResult(
    KnownDataset dataset,
    Path directory,
    boolean alreadyPresent,
    long archiveBytes,
    String md5,
    String licenseNotice) {

  /** Rejects missing parts. */
  public DownloadResult {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(md5, "md5");
    Objects.requireNonNull(licenseNotice, "licenseNotice");
  }
}
